public import ContextAnalysis
public import ContextModel
public import ContextPrivacy

extension BoardReport {
    /// Builds the summary (a pure function).
    ///
    /// - Parameters:
    ///   - analysis: the analysis as of the period's last day.
    ///   - history: earlier runs and the board counts of earlier periods.
    ///   - outcomes: the outcome measures of the actions up to the period's end.
    /// - Complexity: O(V + E + events) plus the disclosure audit of each table.
    public init(
        graph: ContextGraph, analysis: Analysis, period: BoardPeriod, history: ReportHistory,
        outcomes: OutcomeMeasures, settings: BoardSettings, pseudonyms: Pseudonymiser
    ) {
        let threshold = settings.suppressionThreshold
        let control = DisclosureControl(threshold: threshold)
        let n = graph.entities.count
        let notRecorded = "area not recorded"
        func areaName(_ v: Int) -> String {
            let area = graph.entities.areas[v]
            return area >= 0 ? graph.areaNames[Int(area)] : notRecorded
        }
        let children = (0..<n).filter { graph.entities.kinds[$0] == .child }
        var areas = Array(Set(children.map(areaName))).sorted()
        if let index = areas.firstIndex(of: notRecorded) { areas.append(areas.remove(at: index)) }
        let areaIndex = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })

        // 1. Children by area and MACE level.
        let levels = ["level 4", "level 3", "level 2", "level 1", "not assessed"]
        var byLevel = [[Int]](repeating: [Int](repeating: 0, count: levels.count), count: areas.count)
        for child in children {
            let level = Int(graph.entities.riskLevels[child])
            byLevel[areaIndex[areaName(child)] ?? 0][level == 0 ? 4 : 4 - level] += 1
        }
        // 2. Children by type of exploitation and area (a child may have several types).
        let types = Exploitation.named.filter { type in
            children.contains { graph.entities.exploitation[$0].contains(type.value) }
        }
        var byType = [[Int]](repeating: [Int](repeating: 0, count: areas.count), count: types.count)
        for child in children {
            for (t, type) in types.enumerated() where graph.entities.exploitation[child].contains(type.value) {
                byType[t][areaIndex[areaName(child)] ?? 0] += 1
            }
        }
        // 3. Missing episodes in the period by the young person's area and month.
        let months = period.months
        var missingAreas = areas
        var missingEvents: [(area: String, month: String)] = []
        for e in 0..<graph.events.count
        where graph.events.kinds[e] == .missingEpisode && period.contains(graph.events.dates[e]) {
            let area = areaName(Int(graph.events.entities[e]))
            if !missingAreas.contains(area) { missingAreas.append(area) }
            missingEvents.append((area, BoardPeriod.month(of: graph.events.dates[e])))
        }
        var byMonth = [[Int]](repeating: [Int](repeating: 0, count: months.count), count: missingAreas.count)
        for event in missingEvents {
            guard let row = missingAreas.firstIndex(of: event.area), let column = months.firstIndex(of: event.month)
            else { continue }
            byMonth[row][column] += 1
        }

        var primary = 0, secondary = 0
        func table(
            _ name: String, _ title: String, _ rowHeading: String, _ rows: [String], _ columns: [String],
            _ interior: [[Int]], totalRow: String = "Total", totalColumn: String = "Total", note: String? = nil
        ) -> Table {
            let result = control.protect(interior.isEmpty ? [] : interior)
            var cells: [[Cell]] = []
            for (i, row) in result.values.enumerated() where !interior.isEmpty {
                cells.append(
                    row.enumerated().map { j, value in Cell(value: value, suppressed: result.suppressed[i][j]) })
                primary += zip(result.suppressed[i], result.secondary[i]).filter { $0 && !$1 }.count
                secondary += result.secondary[i].filter { $0 }.count
            }
            return Table(
                name: name, title: title, rowHeading: rowHeading, rows: interior.isEmpty ? [] : rows + [totalRow],
                columns: columns + [totalColumn], cells: cells, note: note)
        }
        let levelTable = table(
            "children_by_area_and_level", "Children open to the MACE by area and MACE level", "Area", areas, levels,
            byLevel)
        let typeTable = table(
            "children_by_exploitation_and_area", "Children open to the MACE by type of exploitation and area",
            "Type of exploitation", types.map(\.name), areas, byType, totalRow: "All types (mentions)",
            note: "A child may have several types of exploitation: the 'All types' row counts mentions, not "
                + "children; each type's total counts children.")
        let missingTable = table(
            "missing_episodes_by_area_and_month", "Missing episodes in the period by area and month", "Area",
            missingAreas, months, byMonth, note: "Episodes, not children: one child may go missing several times.")
        tables = [levelTable, typeTable, missingTable]
        let grand = { (t: Table) -> Cell? in t.cells.last?.last }
        let openCell = grand(levelTable) ?? Cell.single(children.count, threshold: threshold)
        childrenOpen = openCell

        // Trend: dated events by period; children open from boards recorded for earlier periods.
        let periods = period.earlier(settings.previousPeriods) + [period]
        trend = periods.map { p in
            var counts = ["missing_episodes": 0, "found_missing": 0, "incidents": 0, "weapons": 0]
            for e in 0..<graph.events.count where p.contains(graph.events.dates[e]) {
                switch graph.events.kinds[e] {
                case .missingEpisode: counts["missing_episodes", default: 0] += 1
                case .foundAt: counts["found_missing", default: 0] += 1
                case .incident: counts["incidents", default: 0] += 1
                case .weapon: counts["weapons", default: 0] += 1
                default: break
                }
            }
            var measures = counts.mapValues { Cell.single($0, threshold: threshold) }
            if p == period {
                // The same cells as the tables', so that a total suppressed there is not shown here.
                measures["missing_episodes"] = grand(missingTable) ?? measures["missing_episodes"]
                measures["children_open"] = openCell
            } else if let recorded = history.periods[p.label]?.measures["children_open"] {
                measures["children_open"] = Cell.single(recorded, threshold: threshold)
            }
            return TrendPoint(period: p.label, measures: measures)
        }

        // Hotspots by category, area and pseudonym.
        let previousContexts = Dictionary(
            (history.previous?.contexts ?? []).map { ($0.pseudonym, $0) }, uniquingKeysWith: { a, _ in a })
        hotspots = analysis.contexts.filter { $0.score > 0 }.prefix(settings.hotspots).enumerated().map {
            rank, scored in
            let entity = scored.context
            let name = pseudonyms.pseudonym(for: entity, in: graph)
            let kind = OutcomeMeasures.targetKind(entity, in: graph)
            let linked = ["children_level_4", "children_level_3", "children_level_2", "children_other"].reduce(0) {
                $0 + Int(scored.components[$1] ?? 0)
            }
            let score = NetworkReport.rounded(scored.score)
            let previous = previousContexts[name]
            let trend =
                history.previous == nil
                ? "no history"
                : previous.map { $0.score < score - 1e-6 ? "up" : $0.score > score + 1e-6 ? "down" : "same" } ?? "new"
            return Hotspot(
                rank: rank + 1, pseudonym: name,
                description: "\(kind.replacingUnderscores), \(areaName(entity.int))", score: score, trend: trend,
                previousScore: previous?.score, childrenLinked: Cell.single(linked, threshold: threshold))
        }

        let previousClusters = Dictionary(
            (history.previous?.clusters ?? []).map { ($0.cluster, $0) }, uniquingKeysWith: { a, _ in a })
        clusters = analysis.clusters.clusters.map { cluster in
            let size = cluster.members.count
            let trend =
                history.previous == nil
                ? "no history"
                : previousClusters[cluster.stableID].map {
                    $0.size < size ? "grown" : $0.size > size ? "shrunk" : "same size"
                } ?? "new"
            return Cluster(
                pseudonym: pseudonyms.pseudonym(forCluster: cluster.stableID), sizeBand: Self.sizeBand(size),
                children: Cell.single(cluster.countsByKind[Int(EntityKind.child.rawValue)], threshold: threshold),
                highestLevel: cluster.highestRisk == 0 ? nil : Int(cluster.highestRisk),
                exploitation: cluster.exploitation.names, trend: trend)
        }

        var groups: [String: [OutcomeMeasures.Action]] = [:]
        for action in outcomes.actions { groups[action.kind, default: []].append(action) }
        self.outcomes = groups.keys.sorted().map { kind in
            let actions = groups[kind] ?? []
            var verdicts: [String: Int] = [:]
            for action in actions { verdicts[action.verdict, default: 0] += 1 }
            func sum(_ value: (OutcomeMeasures.Action) -> Int) -> Cell {
                Cell.single(actions.reduce(0) { $0 + value($1) }, threshold: threshold)
            }
            return OutcomeGroup(
                actionKind: kind, actions: actions.count, verdicts: verdicts,
                childrenLinkedBefore: sum { $0.before.childrenLinked },
                childrenLinkedAfter: sum { $0.after.childrenLinked },
                eventsBefore: sum { $0.before.events }, eventsAfter: sum { $0.after.events })
        }
        outcomeNote = outcomes.note

        schemaVersion = ReportEncoding.schemaVersion
        marking = Self.marking
        self.period = Period(label: period.label, start: period.start.description, end: period.end.description)
        asOf = analysis.asOf.description
        suppression = Suppression(
            threshold: threshold,
            rules: [
                "Counts of children or episodes from 1 to \(threshold) are suppressed (primary); zero is shown.",
                "In a table, a row or column with one suppressed cell gets a second: the smallest other non-zero "
                    + "cell, so that no suppressed cell can be found by subtracting from the total (secondary).",
                "A further cell is suppressed wherever the suppressed cells of a line could only all be 1, and "
                    + "wherever an exhaustive search of the totals' equations finds a suppressed cell with only one "
                    + "possible value.",
                "Counts shown alone (hotspots, clusters, trend, outcomes) have no published totals and get primary "
                    + "suppression; a table total that is suppressed is suppressed wherever it is repeated.",
            ], primaryCells: primary, secondaryCells: secondary)
        // Hotspot and cluster trends compare with the state at the end of the period before.
        self.history =
            "Hotspot and cluster trends: "
            + history.note(comparingAsOfAtMost: period.start.adding(days: -1).description)
            + (history.periods.isEmpty
                ? "" : " Children open in earlier periods come from the boards recorded for them.")
        mapNote = Self.mapNote
        notes = [
            "Children open to the MACE are the children in the dataset as of \(period.end); counts for earlier "
                + "periods come from boards recorded at the time, where there are any.",
            "Hotspots are named by category, area and a stable pseudonym, never by name or address.",
            "Clusters are named by pseudonyms; their size is given as a band.",
        ]
    }

    static func sizeBand(_ size: Int) -> String {
        switch size {
        case ..<10: "3-9"
        case ..<25: "10-24"
        case ..<50: "25-49"
        case ..<100: "50-99"
        default: "100 or more"
        }
    }
}

extension String {
    /// `licensed_premises` → `licensed premises`.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
