import ContextModel

extension LoadState {
    static let entityColumns = [
        ColumnSpec("id", required: true), ColumnSpec("kind", required: true), ColumnSpec("label", personal: true),
        ColumnSpec("risk_level"), ColumnSpec("exploitation"), ColumnSpec("area"), ColumnSpec("category"),
        ColumnSpec("dob", personal: true), ColumnSpec("updated"),
    ]
    private enum Column {
        static let id = 0, kind = 1, label = 2, risk = 3, exploitation = 4, area = 5, category = 6, dob = 7,
            updated = 8
    }

    /// Reads `entities.csv`.
    mutating func readEntities(_ data: [UInt8]) -> (usable: Bool, rows: Int) {
        let kinds = EntityKind.allCases.map(\.name)
        let categories = LocationCategory.allCases.map(\.name)
        let exploitationNames = Exploitation.named.map(\.name)
        var firstLine: [EntityID: Int] = [:]
        var sink = self.sink
        defer { self.sink = sink }
        let table = TableReader(file: "entities.csv", columns: Self.entityColumns, limits: limits)
        var extraNames: [String]?
        // The look-alike table is only needed while entities are read: freed before the links.
        defer { lookAlikes = LookAlikeIDs() }
        return table.read(data, into: &sink) { row in
            if row.structureBroken {
                if let id = row.string(Column.id).map(EntityID.init), builder.index(of: id) == nil,
                    rejectedIDs[id] == nil
                {
                    rejectedIDs[id] = row.line
                }
                return
            }
            if extraNames == nil {
                extraNames = row.extras.map(\.name)
                entityExtraNames = extraNames ?? []
            }
            let idText = row.required(Column.id)
            let id = idText.map(EntityID.init)
            if builder.entityCount >= ContextGraph.maximumEntities {
                row.error(Column.id, "too many entities: contextd holds at most \(ContextGraph.maximumEntities)")
            }
            if let id, let line = firstLine[id] {
                row.error(Column.id, "duplicate id '\(Quoting.safe(id.string))'; first defined on line \(line)")
            }
            let kind = row.requiredEnumerated(Column.kind, { EntityKind(name: $0) }, allowed: kinds)
            let risk = row.smallInteger(Column.risk, in: 1...4, expected: "a MACE level 1 to 4") ?? 0
            var exploitation: Exploitation = []
            if let text = row.string(Column.exploitation) {
                // An empty item (`cse;;cce`, a `;` at either end) is an error, reported once per field.
                let parts = text.split(separator: ";", omittingEmptySubsequences: false)
                var emptyReported = false
                for (position, part) in parts.enumerated() {
                    let name = String(part).trimmingSpaces
                    if name.isEmpty {
                        if emptyReported { continue }
                        emptyReported = true
                        row.error(
                            Column.exploitation,
                            "exploitation has an empty item (item \(position + 1) of \(parts.count)); separate values with one ';' and none at either end"
                        )
                    } else if let form = Exploitation(name: name) {
                        exploitation.insert(form)
                    } else {
                        row.error(
                            Column.exploitation,
                            "unknown exploitation '\(Quoting.safe(name))'; expected ';'-separated values from: \(exploitationNames.joined(separator: ", "))"
                        )
                    }
                }
            }
            let category = row.enumerated(Column.category, { LocationCategory(name: $0) }, allowed: categories)
            let dob = row.date(Column.dob)
            let updated = row.date(Column.updated)
            guard let id, let idText else { return }
            if firstLine[id] == nil { firstLine[id] = row.line }
            guard !row.failed, let kind else {
                if builder.index(of: id) == nil { rejectedIDs[id] = rejectedIDs[id] ?? row.line }
                return
            }
            guard
                let index = builder.addEntity(
                    id: idText, kind: kind, riskLevel: risk, exploitation: exploitation, area: row.token(Column.area),
                    category: category, updated: updated.0)
            else { return }
            precondition(index.int == entityLines.count)
            entityLines.append(Int32(row.line))
            entityIDColumns.append(Int32(row.location(ofField: row.layout[Column.id] ?? 0).column))
            if let earlier = lookAlikes.insert(idText, line: row.line) {
                row.warning(
                    .lookAlikeID, Column.id,
                    "id '\(Quoting.safe(idText))' looks like the id '\(Quoting.safe(earlier.id))' on line \(earlier.line) (\(earlier.likeness)); ids are compared exactly, so these are two entities"
                )
            }
            hasLink.append(false)
            labels.append(row.string(Column.label).map(Redacted.init))
            datesOfBirth.append(dob.0)
            if !entityExtraNames.isEmpty { entityExtraValues.append(row.extraValues()) }
            usedRows += 1
        }
    }
}
