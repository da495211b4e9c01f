import ContextModel

extension LoadState {
    static let eventColumns = [
        ColumnSpec("date", required: true), ColumnSpec("kind", required: true), ColumnSpec("entity", required: true),
        ColumnSpec("location"), ColumnSpec("notes", personal: true),
    ]
    static let actionColumns = [
        ColumnSpec("date", required: true), ColumnSpec("target", required: true), ColumnSpec("kind", required: true),
        ColumnSpec("agency"), ColumnSpec("notes", personal: true),
    ]

    /// Reads `events.csv`: `date`, `kind`, `entity` (a person), optional `location` (a location).
    mutating func readEvents(_ data: [UInt8]) -> (usable: Bool, rows: Int) {
        let kinds = EventKind.allCases.map(\.name)
        var sink = self.sink
        defer { self.sink = sink }
        return TableReader(file: "events.csv", columns: Self.eventColumns, limits: limits).read(data, into: &sink) {
            row in
            if row.structureBroken { return }
            let date = row.requiredDate(0)
            let kind = row.requiredEnumerated(1, { EventKind(name: $0) }, allowed: kinds)
            let entity = resolve(&row, 2, row.required(2))
            if let entity, !builder.kind(of: entity).isPerson {
                row.error(2, "entity of an event must be a person, not a \(builder.kind(of: entity))")
            }
            let location = resolve(&row, 3, row.string(3))
            if let location, builder.kind(of: location) != .location {
                row.error(3, "location of an event must be a location, not a \(builder.kind(of: location))")
            }
            guard !row.failed, let date, let kind, let entity else { return }
            builder.addEvent(date: date, kind: kind, entity: entity, location: location)
            eventNotes.append(row.string(4).map(Redacted.init))
            usedRows += 1
        }
    }

    /// Reads `actions.csv`: `date`, `target` (any entity), `kind`, optional `agency`.
    mutating func readActions(_ data: [UInt8]) -> (usable: Bool, rows: Int) {
        let kinds = ActionKind.allCases.map(\.name)
        let agencies = Agency.allCases.map(\.name)
        var sink = self.sink
        defer { self.sink = sink }
        return TableReader(file: "actions.csv", columns: Self.actionColumns, limits: limits).read(data, into: &sink) {
            row in
            if row.structureBroken { return }
            let date = row.requiredDate(0)
            let target = resolve(&row, 1, row.required(1))
            let kind = row.requiredEnumerated(2, { ActionKind(name: $0) }, allowed: kinds)
            let agency = row.enumerated(3, { Agency(name: $0) }, allowed: agencies)
            guard !row.failed, let date, let target, let kind else { return }
            builder.addAction(date: date, target: target, kind: kind, agency: agency)
            actionNotes.append(row.string(4).map(Redacted.init))
            usedRows += 1
        }
    }
}
