import ContextIngest
import ContextModel
import ContextSample
import ContextTestSupport
import Testing

/// What is in a 10,000-entity sample, read back with an independent CSV parser.
struct SampleContentTests {
    private var sample: GeneratedSample {
        get throws { try GeneratedSample.tenThousand.get() }
    }

    @Test func childrenAreOneToThreePercentOfYoungPeople() throws {
        let kinds = try sample.entities.values("kind")
        let children = kinds.filter { $0 == "child" }.count
        let peers = kinds.filter { $0 == "peer" }.count
        let share = Double(children) / Double(children + peers)
        #expect(share >= 0.01 && share <= 0.03, "children are \(share * 100)% of young people")
        #expect(kinds.count == 10_000)
    }

    @Test func everyKindCategoryAndEventKindIsPresent() throws {
        let sample = try sample
        #expect(Set(try sample.entities.values("kind")) == Set(EntityKind.allCases.map(\.name)))
        let categories = Set(try sample.entities.values("category").filter { !$0.isEmpty })
        #expect(categories == Set(LocationCategory.allCases.map(\.name)))
        #expect(Set(try sample.links.values("kind")) == Set(LinkKind.allCases.map(\.name)))
        #expect(Set(try sample.events.values("kind")) == Set(EventKind.allCases.map(\.name)))
        #expect(Set(try sample.actions.values("kind")).count >= 5)
    }

    @Test func entityIDsAreUniqueAndRowsAreValid() throws {
        let table = try sample.entities
        let ids = try table.values("id")
        #expect(Set(ids).count == ids.count)
        let (kind, risk, forms, category, area) = (
            try table.column("kind"), try table.column("risk_level"), try table.column("exploitation"),
            try table.column("category"), try table.column("area")
        )
        for row in table.rows {
            let entityKind = try #require(EntityKind(name: row[kind]), "kind \(row[kind])")
            #expect(row[risk].isEmpty || RiskLevel(rawValue: UInt8(row[risk]) ?? 0) != nil)
            for form in row[forms].split(separator: ";") { #expect(Exploitation(name: String(form)) != nil) }
            #expect((entityKind == .location) == !row[category].isEmpty)
            if !row[category].isEmpty { #expect(LocationCategory(name: row[category]) != nil) }
            if entityKind == .child {
                let level = Int(row[risk]) ?? 0
                #expect((2...4).contains(level))
                #expect(!row[forms].isEmpty)
            }
            if entityKind != .location { #expect(!row[area].isEmpty) }
        }
        #expect(table.header.last == "source_system")
    }

    @Test func everyLinkHasAValidShapeAndNoneRepeats() throws {
        let sample = try sample
        let kinds = try sample.kindsByID()
        let table = sample.links
        let columns = try ["source", "target", "kind", "weight", "first_seen", "last_seen", "agency", "grading"].map(
            table.column)
        var seen = Set<String>()
        for row in table.rows {
            let (source, target) = (row[columns[0]], row[columns[1]])
            let sourceKind = try #require(kinds[source].flatMap { EntityKind(name: $0) }, "unknown id \(source)")
            let targetKind = try #require(kinds[target].flatMap { EntityKind(name: $0) }, "unknown id \(target)")
            let kind = try #require(LinkKind(name: row[columns[2]]))
            #expect(kind.shapeProblem(source: sourceKind, target: targetKind) == nil, "\(row)")
            #expect(source != target, "self-link \(row)")
            let ends = kind.isDirected || source < target ? "\(source)>\(target)" : "\(target)>\(source)"
            #expect(seen.insert("\(kind.name):\(ends)").inserted, "duplicate link \(row)")
            if !row[columns[3]].isEmpty { #expect((1...5).contains(Int(row[columns[3]]) ?? 0)) }
            let first = row[columns[4]].isEmpty ? nil : Day(iso: row[columns[4]])
            let last = row[columns[5]].isEmpty ? nil : Day(iso: row[columns[5]])
            #expect(row[columns[4]].isEmpty || first != nil)
            #expect(row[columns[5]].isEmpty || last != nil)
            if let first, let last { #expect(first <= last) }
            if let last { #expect(last <= SampleWorld.defaultReferenceDate) }
            #expect(row[columns[6]].isEmpty || Agency(name: row[columns[6]]) != nil)
            #expect(row[columns[7]].isEmpty || Grading(code: row[columns[7]]) != nil)
        }
        // About five links per entity, and a few E-graded among them.
        let perEntity = Double(table.rows.count) / 10_000
        #expect(perEntity > 4 && perEntity < 6.5, "\(perEntity) links per entity")
        let gradedE = try table.values("grading").filter { $0.hasSuffix("E") }.count
        let share = Double(gradedE) / Double(table.rows.count)
        #expect(share > 0.002 && share < 0.01, "\(share * 100)% of links graded E")
        #expect(sample.summary.linksGradedE == gradedE)
    }

    @Test func everyChildIsLinkedAndSomeAreExploited() throws {
        let sample = try sample
        let kinds = try sample.kindsByID()
        let children = Set(kinds.filter { $0.value == "child" }.keys)
        var linked = Set<String>()
        var exploited = Set<String>()
        let (source, target, kind) = (
            try sample.links.column("source"), try sample.links.column("target"), try sample.links.column("kind")
        )
        for row in sample.links.rows {
            linked.insert(row[source])
            linked.insert(row[target])
            if row[kind] == "exploits" {
                #expect(kinds[row[source]] == "perpetrator")
                exploited.insert(row[target])
            }
        }
        #expect(children.isSubset(of: linked))
        #expect(Double(exploited.intersection(children).count) > Double(children.count) * 0.4)
        #expect(!exploited.subtracting(children).isEmpty, "some peers not yet known to the MACE are exploited")
    }

    @Test func datesFitTheReferenceDate() throws {
        let sample = try sample
        let reference = SampleWorld.defaultReferenceDate
        let earliest = reference.adding(days: -550)
        for text in try sample.events.values("date") {
            let day = try #require(Day(iso: text))
            #expect(day >= earliest && day <= reference)
        }
        for text in try sample.actions.values("date") {
            let day = try #require(Day(iso: text))
            #expect(day >= earliest && day <= reference)
        }
        let (kind, dob) = (try sample.entities.column("kind"), try sample.entities.column("dob"))
        for row in sample.entities.rows where row[kind] == "child" || row[kind] == "peer" {
            let birth = try #require(Day(iso: row[dob]))
            let (year, month, day) = birth.components
            var age = 2024 - year
            if (month, day) > (9, 30) { age -= 1 }
            #expect((10...17).contains(age), "age \(age)")
        }
    }

    @Test func eventsNameKnownPeopleAndPlaces() throws {
        let sample = try sample
        let kinds = try sample.kindsByID()
        let (entity, location, kind) = (
            try sample.events.column("entity"), try sample.events.column("location"), try sample.events.column("kind")
        )
        var foundAtHotspotOrPlace = 0
        for row in sample.events.rows {
            let personKind = try #require(kinds[row[entity]])
            #expect(["child", "peer", "perpetrator"].contains(personKind))
            if !row[location].isEmpty { #expect(kinds[row[location]] == "location") }
            if row[kind] == "found_at" && !row[location].isEmpty { foundAtHotspotOrPlace += 1 }
        }
        #expect(foundAtHotspotOrPlace > 0)
    }

    @Test func fieldsWithCommasAndQuotesAreQuoted() throws {
        let sample = try sample
        let labels = try sample.entities.values("label")
        #expect(labels.contains { $0.contains(",") })
        let entitiesText = String(decoding: sample.bytes["entities.csv"] ?? [], as: UTF8.self)
        #expect(entitiesText.contains(",\"Flat "))
        let notes = try sample.events.values("notes")
        #expect(notes.contains { $0.contains("\"just waiting\"") })
        let eventsText = String(decoding: sample.bytes["events.csv"] ?? [], as: UTF8.self)
        #expect(eventsText.contains("\"\"just waiting\"\""))
    }

    @Test func summaryMatchesTheFiles() throws {
        let sample = try sample
        #expect(sample.summary.rows(in: "entities.csv") == sample.entities.rows.count)
        #expect(sample.summary.rows(in: "links.csv") == sample.links.rows.count)
        #expect(sample.summary.rows(in: "events.csv") == sample.events.rows.count)
        #expect(sample.summary.rows(in: "actions.csv") == sample.actions.rows.count)
        let kinds = try sample.entities.values("kind")
        for kind in EntityKind.allCases {
            #expect(sample.summary.count(of: kind) == kinds.filter { $0 == kind.name }.count)
        }
        let linkKinds = try sample.links.values("kind")
        for kind in LinkKind.allCases {
            #expect(sample.summary.count(of: kind) == linkKinds.filter { $0 == kind.name }.count)
        }
    }

    @Test func strictLoaderAcceptsTheSampleWithOnlyGradingWarnings() throws {
        try withTemporaryDirectory { path in
            let summary = try SampleWorld(entities: 10_000, seed: 2024).write(to: path)
            let dataset = try DatasetLoader().load(folder: path)
            #expect(dataset.report.errors.isEmpty)
            #expect(dataset.report.warningCount == summary.linksGradedE)
            #expect(dataset.report.warningCounts.allSatisfy { $0.kind == .gradedE })
            #expect(dataset.report.warnings.allSatisfy { $0.message.contains("graded E") })
            #expect(dataset.graph.links.count == summary.rows(in: "links.csv"))
            #expect(dataset.personal.entityAttributes.revealed.names == ["source_system"])
        }
    }
}
