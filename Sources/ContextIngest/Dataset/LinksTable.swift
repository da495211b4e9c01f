import ContextModel

extension LoadState {
    static let linkColumns = [
        ColumnSpec("source", required: true), ColumnSpec("target", required: true), ColumnSpec("kind", required: true),
        ColumnSpec("weight"), ColumnSpec("first_seen"), ColumnSpec("last_seen"), ColumnSpec("agency"),
        ColumnSpec("grading"),
    ]
    private enum Column {
        static let source = 0, target = 1, kind = 2, weight = 3, firstSeen = 4, lastSeen = 5, agency = 6,
            grading = 7
    }

    /// Reads `links.csv`.
    mutating func readLinks(_ data: [UInt8]) -> (usable: Bool, rows: Int) {
        let kinds = LinkKind.allCases.map(\.name)
        let agencies = Agency.allCases.map(\.name)
        var sink = self.sink
        defer { self.sink = sink }
        var extraNames: [String]?
        let table = TableReader(file: "links.csv", columns: Self.linkColumns)
        return table.read(data, into: &sink) { row in
            if row.structureBroken { return }
            if extraNames == nil {
                extraNames = row.extras.map(\.name)
                linkExtraNames = extraNames ?? []
            }
            let source = resolve(&row, Column.source, row.required(Column.source))
            let target = resolve(&row, Column.target, row.required(Column.target))
            let kind = row.requiredEnumerated(Column.kind, { LinkKind(name: $0) }, allowed: kinds)
            let weight = row.smallInteger(Column.weight, in: 1...5, expected: "1 to 5") ?? 1
            let firstSeen = row.date(Column.firstSeen)
            let lastSeen = row.date(Column.lastSeen)
            let agency = row.enumerated(Column.agency, { Agency(name: $0) }, allowed: agencies)
            var grading: Grading?
            if let text = row.token(Column.grading) {
                grading = Grading(code: text)
                if grading == nil {
                    row.error(
                        Column.grading,
                        "grading '\(Quoting.safe(text))' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E"
                    )
                }
            }
            if let kind, let source, let target,
                let problem = kind.shapeProblem(source: builder.kind(of: source), target: builder.kind(of: target))
            {
                row.error(Column.kind, problem)
            }
            guard !row.failed, let kind, let source, let target else { return }
            if firstSeen.0 != Day.noneRaw && lastSeen.0 != Day.noneRaw && lastSeen.0 < firstSeen.0 {
                row.warning(Column.lastSeen, "last_seen is before first_seen")
            }
            if grading?.isSuspectedFalse == true {
                row.warning(Column.grading, "link graded E (suspected to be false): kept out of the analysis")
            }
            if source == target {
                row.warning(Column.target, "self-link (source and target are the same entity): dropped")
                return
            }
            let record = ContextGraph.LinkRecord(
                source: source, target: target, kind: kind, weight: weight, firstSeen: firstSeen.0,
                lastSeen: lastSeen.0, agency: agency?.rawValue ?? 0, grading: grading?.packed ?? 0)
            switch builder.addLink(record) {
            case .merged(let into):
                row.warning(Column.source, "duplicate of the link on line \(linkLines[into]): merged into it")
            case .added:
                linkLines.append(Int32(row.line))
                hasLink[source.int] = true
                hasLink[target.int] = true
                if !linkExtraNames.isEmpty { linkExtraValues.append(row.extraValues()) }
                usedRows += 1
            }
        }
    }
}
