/// A configuration value in the YAML file's own shape: what `manifest.json` records as the
/// configuration a run used and what `contextd config` prints.
///
/// Mappings keep their order (the order the keys are declared in), so the printed file reads in
/// the same order as the documented one.
public enum ConfigValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case text(String)
    case list([ConfigValue])
    case mapping([Entry])

    /// One key of a mapping.
    public struct Entry: Sendable, Hashable {
        public let key: String
        public let value: ConfigValue

        public init(_ key: String, _ value: ConfigValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value at a dotted path (`maps.overview.max_nodes`), if there is one.
    public subscript(path: String) -> ConfigValue? {
        var value = self
        for component in path.split(separator: ".") {
            guard case .mapping(let entries) = value, let next = entries.first(where: { $0.key == component })
            else { return nil }
            value = next.value
        }
        return value
    }

    /// The value with `value` set at a dotted path, creating mappings on the way.
    func setting(_ path: ArraySlice<Substring>, to newValue: ConfigValue) -> ConfigValue {
        guard let head = path.first else { return newValue }
        var entries: [Entry] = []
        if case .mapping(let existing) = self { entries = existing }
        let key = String(head)
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index] = Entry(key, entries[index].value.setting(path.dropFirst(), to: newValue))
        } else {
            entries.append(Entry(key, ConfigValue.null.setting(path.dropFirst(), to: newValue)))
        }
        return .mapping(entries)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .list(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .mapping(let entries):
            var container = encoder.container(keyedBy: Key.self)
            for entry in entries { try container.encode(entry.value, forKey: Key(stringValue: entry.key)) }
        }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            self = .mapping(
                try keyed.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                    Entry($0.stringValue, try keyed.decode(ConfigValue.self, forKey: $0))
                })
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var values: [ConfigValue] = []
            while !unkeyed.isAtEnd { values.append(try unkeyed.decode(ConfigValue.self)) }
            self = .list(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .int(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .text(try single.decode(String.self))
        }
    }
}

extension ConfigValue {
    /// The value as YAML flow text for one line (`[svg, dot]`, `0.5`, `"a: b"`); a mapping is
    /// written in flow style too (block style is ``ConfigDocument``'s job).
    var yamlFlow: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .number(let value): return Self.numberText(value)
        case .text(let value): return Self.scalarText(value)
        case .list(let values): return "[" + values.map(\.yamlFlow).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key): \($0.value.yamlFlow)" }.joined(separator: ", ") + "}"
        }
    }

    /// Whole numbers without a fraction (`180`, not `180.0`), others as Swift prints them (the
    /// shortest text that reads back as the same `Double`).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A string as a YAML scalar: plain when YAML would read it back as the same string, else
    /// double-quoted with `\` and `"` escaped (so no value can change the document's structure).
    static func scalarText(_ value: String) -> String {
        let special = Set(":#,[]{}&*!|>'\"%@`\\")
        let reserved = ["", "~", "null", "Null", "NULL", "true", "false", "True", "False", "yes", "no", "on", "off"]
        let plain =
            !reserved.contains(value) && Double(value) == nil && value.first != " " && value.last != " "
            && value.first != "-" && value.first != "?" && !value.contains(where: { special.contains($0) })
            && !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        if plain { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
