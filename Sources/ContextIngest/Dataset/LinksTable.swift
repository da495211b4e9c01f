import ContextModel

/// A valid row of `links.csv`, parsed and checked, not yet in the graph.
struct ParsedLink: Sendable {
    let record: ContextGraph.LinkRecord
    /// Line and column of the `source` field, where a duplicate-link warning is placed.
    let line: Int
    let sourceColumn: Int
    let extras: [String?]
}

/// A row as the parallel first pass leaves it: its diagnostics, and the link if it is valid.
struct PendingLinkRow: Sendable {
    let line: Int
    let errors: [Diagnostic]
    let warnings: [(kind: WarningKind, diagnostic: Diagnostic)]
    let link: ParsedLink?
    let structureBroken: Bool
}

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
    ///
    /// Every row is parsed and checked against a read-only view of the entities, then added to
    /// the graph in file order (which decides merging and the duplicate warnings). A file of
    /// ``parallelThreshold`` bytes or more is split at a record boundary near its middle (found by
    /// quote parity) and its two halves are parsed on two cores; the adding stays in order, so the
    /// graph and every diagnostic are the same as reading it in one pass. Should either half meet
    /// a structural problem (a stray quote would make the split unreliable), the file is read
    /// again in one pass.
    mutating func readLinks(_ data: [UInt8]) -> (usable: Bool, rows: Int) {
        let table = TableReader(file: "links.csv", columns: Self.linkColumns, limits: limits)
        var sink = self.sink
        defer { self.sink = sink }
        guard let header = table.header(data, into: &sink) else { return (false, 0) }
        linkExtraNames = header.extras.map(\.name)
        let lookup = builder.lookup, rejected = rejectedIDs
        if data.count >= parallelThreshold,
            let split = Self.splitPoint(data, from: header.end, firstLine: header.nextLine)
        {
            let ranges = [(header.end..<split.offset, header.nextLine), (split.offset..<data.count, split.line)]
            let halves = ParallelMap.map(ranges.count) { half in
                var pending: [PendingLinkRow] = []
                var parsed: ParsedLink?
                _ = table.rows(
                    data, header: header, range: ranges[half].0, firstLine: ranges[half].1,
                    row: { row in parsed = Self.parseLink(&row, lookup: lookup, rejectedIDs: rejected) },
                    absorb: { row in
                        pending.append(
                            PendingLinkRow(
                                line: row.record.line, errors: row.errors, warnings: row.warnings, link: parsed,
                                structureBroken: row.structureBroken))
                    })
                return pending
            }
            // A broken structure or too many rows is reported by the one-pass read below, at its line.
            if !halves.joined().contains(where: \.structureBroken) && halves.joined().count <= limits.rowsPerFile {
                var rows = 0
                for row in halves.joined() {
                    rows += 1
                    sink.absorb(file: table.file, line: row.line, errors: row.errors, warnings: row.warnings)
                    if let link = row.link { commit(link, into: &sink) }
                }
                return (true, rows)
            }
        }
        var parsed: ParsedLink?
        let (rows, overflow) = table.rows(
            data, header: header, range: header.end..<data.count, firstLine: header.nextLine,
            row: { row in parsed = Self.parseLink(&row, lookup: lookup, rejectedIDs: rejected) },
            absorb: { row in
                sink.absorb(row)
                if let link = parsed { commit(link, into: &sink) }
            })
        if let overflow { sink.limit(overflow) }
        return (overflow == nil, rows)
    }

    /// Adds a parsed link to the graph, warning when it duplicates an earlier one (after the
    /// row's own warnings, so both ways of reading list them in the same order).
    private mutating func commit(_ link: ParsedLink, into sink: inout DiagnosticSink) {
        switch builder.addLink(link.record) {
        case .merged(let into):
            let first = linkLines[into]
            sink.warning(
                .duplicateLink, "links.csv", link.line, link.sourceColumn,
                "duplicate of the link on line \(first): merged into it")
        case .added:
            linkLines.append(Int32(link.line))
            hasLink[link.record.source.int] = true
            hasLink[link.record.target.int] = true
            if !linkExtraNames.isEmpty { linkExtraValues.append(link.extras) }
            usedRows += 1
        }
    }

    /// Where to split `data` in two: the first record start at or after the middle that lies
    /// outside any quoted field (an even number of quotes since `start`), with its line number.
    static func splitPoint(_ data: [UInt8], from start: Int, firstLine: Int) -> (offset: Int, line: Int)? {
        let middle = start + (data.count - start) / 2
        var quotes = 0, lines = 0
        var index = start
        while index < data.count {
            let byte = data[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                quotes += 1
            } else if byte == UInt8(ascii: "\n") {
                lines += 1
                if index >= middle && quotes % 2 == 0 {
                    return index < data.count ? (index, firstLine + lines) : nil
                }
            }
        }
        return nil
    }

    /// Parses and checks one row against the entities; `nil` when it has errors or is a
    /// self-link (each reported on the row).
    static func parseLink(_ row: inout RowContext, lookup: EntityLookup, rejectedIDs: [EntityID: Int]) -> ParsedLink? {
        if row.structureBroken { return nil }
        let source = resolve(&row, Column.source, row.required(Column.source), lookup: lookup, rejectedIDs: rejectedIDs)
        let target = resolve(&row, Column.target, row.required(Column.target), lookup: lookup, rejectedIDs: rejectedIDs)
        let kind = row.requiredEnumerated(Column.kind, { LinkKind(name: $0) }, allowed: Self.linkKindNames)
        let weight = row.smallInteger(Column.weight, in: 1...5, expected: "1 to 5") ?? 1
        let firstSeen = row.date(Column.firstSeen)
        let lastSeen = row.date(Column.lastSeen)
        let agency = row.enumerated(Column.agency, { Agency(name: $0) }, allowed: Self.agencyNames)
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
            let problem = kind.shapeProblem(source: lookup.kind(of: source), target: lookup.kind(of: target))
        {
            row.error(Column.kind, problem)
        }
        guard !row.failed, let kind, let source, let target else { return nil }
        if firstSeen.0 != Day.noneRaw && lastSeen.0 != Day.noneRaw && lastSeen.0 < firstSeen.0 {
            row.warning(.lastSeenBeforeFirstSeen, Column.lastSeen, "last_seen is before first_seen")
        }
        if grading?.isSuspectedFalse == true {
            row.warning(.gradedE, Column.grading, "link graded E (suspected to be false): kept out of the analysis")
        }
        if source == target {
            row.warning(.selfLink, Column.target, "self-link (source and target are the same entity): dropped")
            return nil
        }
        return ParsedLink(
            record: ContextGraph.LinkRecord(
                source: source, target: target, kind: kind, weight: weight, firstSeen: firstSeen.0,
                lastSeen: lastSeen.0,
                agency: agency?.rawValue ?? 0, grading: grading?.packed ?? 0),
            line: row.line, sourceColumn: row.location(ofField: row.layout[Column.source] ?? 0).column,
            extras: row.extras.isEmpty ? [] : row.extraValues())
    }

    private static let linkKindNames = LinkKind.allCases.map(\.name)
    private static let agencyNames = Agency.allCases.map(\.name)
}
