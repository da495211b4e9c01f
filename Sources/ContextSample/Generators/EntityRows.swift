import ContextModel
import GraphAlgorithms

/// Writes `entities.csv`: schools, locations, groups, perpetrators, then young people.
///
/// `source_system` is an extra column the contract does not know, there to exercise "unknown
/// columns are kept".
struct EntityRows {
    static let header = [
        "id", "kind", "label", "risk_level", "exploitation", "area", "category", "dob", "updated", "source_system",
    ]

    let plan: WorldPlan
    private(set) var kinds: [EntityKind: Int] = [:]
    private(set) var categories: [LocationCategory: Int] = [:]

    init(plan: WorldPlan) {
        self.plan = plan
    }

    mutating func write(to writer: inout CSVWriter) throws(SampleError) {
        var generator = SplitMix64.stream(10, of: plan.seed)
        let dates = DateSpan(referenceDate: plan.referenceDate)
        for school in 0..<plan.schoolCount {
            let ward = Int(plan.schoolWard[school])
            writer.idField("S-", school + 1)
            writer.plainField("school")
            writer.beginField()
            Names.appendSchool(primary: school < plan.primaryCount, ward: plan.wardNames[ward], &generator, to: &writer)
            writer.endField()
            writer.emptyField()
            writer.emptyField()
            writer.field(plan.wardNames[ward])
            writer.emptyField()
            writer.emptyField()
            writer.dateField(dates.daysBefore(generator.next(below: 365)))
            writer.plainField("edu_track")
            try writer.endRow()
        }
        kinds[.school] = plan.schoolCount

        for location in 0..<plan.locationCount {
            let category = plan.locationCategory[location]
            let ward = Int(plan.locationWard[location])
            let wardName = ward >= 0 ? plan.wardNames[ward] : plan.wardNames[location % plan.wardCount]
            writer.idField("L-", location + 1)
            writer.plainField("location")
            writer.beginField()
            Names.appendLocation(category, ward: wardName, &generator, to: &writer)
            writer.endField()
            let risk = plan.locationRisk[location]
            risk > 0 ? writer.numberField(Int(risk)) : writer.emptyField()
            exploitationField(plan.locationExploitation[location], &writer)
            ward >= 0 ? writer.field(wardName) : writer.emptyField()
            writer.plainField(category.name)
            writer.emptyField()
            if risk >= 3 {
                writer.dateField(dates.daysBefore(generator.next(below: 180)))
            } else if generator.chance(0.5) {
                writer.dateField(dates.daysBefore(generator.next(below: 730)))
            } else {
                writer.emptyField()
            }
            writer.plainField(risk >= 3 ? "intel_log" : "place_index")
            try writer.endRow()
            categories[category, default: 0] += 1
        }
        kinds[.location] = plan.locationCount

        for (index, group) in plan.groups.enumerated() {
            writer.idField("G-", index + 1)
            writer.plainField("group")
            writer.beginField()
            Names.appendGroup(ward: plan.wardNames[group.ward], &generator, to: &writer)
            writer.endField()
            writer.numberField(Int(group.risk))
            exploitationField(group.exploitation, &writer)
            writer.field(plan.wardNames[group.ward])
            writer.emptyField()
            writer.emptyField()
            writer.dateField(dates.daysBefore(generator.next(below: 120)))
            writer.plainField("intel_log")
            try writer.endRow()
        }
        kinds[.group] = plan.groups.count

        for (index, perpetrator) in plan.perpetrators.enumerated() {
            writer.idField("X-", index + 1)
            writer.plainField("perpetrator")
            writer.beginField()
            Names.appendPerson(
                given: generator.next(below: Names.givenCount), family: generator.next(below: Names.familyCount),
                to: &writer)
            writer.endField()
            writer.numberField(Int(perpetrator.risk))
            exploitationField(perpetrator.exploitation, &writer)
            writer.field(plan.wardNames[perpetrator.ward])
            writer.emptyField()
            writer.dateField(dates.dateOfBirth(age: perpetrator.age, &generator))
            writer.dateField(dates.daysBefore(generator.next(below: 180)))
            writer.plainField(generator.chance(0.8) ? "intel_log" : "yot_view")
            try writer.endRow()
        }
        kinds[.perpetrator] = plan.perpetrators.count

        var family = 0
        for young in 0..<plan.youngCount {
            let ordinal = Int(plan.childOrdinal[young])
            let child: ChildPlan? = ordinal >= 0 ? plan.children[ordinal] : nil
            if !plan.siblingOfPrevious[young] { family = generator.next(below: Names.familyCount) }
            writer.idField("Y-", young + 1)
            writer.plainField(child == nil ? "peer" : "child")
            writer.beginField()
            Names.appendPerson(given: generator.next(below: Names.givenCount), family: family, to: &writer)
            writer.endField()
            if let child {
                writer.numberField(Int(child.risk))
                exploitationField(child.exploitation, &writer)
            } else {
                writer.emptyField()
                writer.emptyField()
            }
            writer.field(plan.wardNames[Int(plan.youngWard[young])])
            writer.emptyField()
            writer.dateField(dates.dateOfBirth(age: Int(plan.youngAge[young]), &generator))
            if child != nil {
                writer.dateField(dates.daysBefore(generator.next(below: 90)))
                writer.plainField("casebook")
            } else {
                if generator.chance(0.6) {
                    writer.dateField(dates.daysBefore(generator.next(below: 730)))
                } else {
                    writer.emptyField()
                }
                writer.plainField("edu_track")
            }
            try writer.endRow()
        }
        kinds[.child] = plan.children.count
        kinds[.peer] = plan.youngCount - plan.children.count
    }

    private func exploitationField(_ forms: Exploitation, _ writer: inout CSVWriter) {
        writer.emptyField()
        var first = true
        for (name, form) in Exploitation.named where forms.contains(form) {
            if !first { writer.append(";") }
            writer.append(name)
            first = false
        }
    }
}
