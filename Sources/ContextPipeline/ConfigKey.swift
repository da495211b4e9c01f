import Yams

/// One key of the run configuration, declared once: where it sits in the YAML, what it holds and
/// in what range, where it goes in ``RunConfiguration``, and the comment that documents it.
///
/// Parsing (``RunConfiguration/parse(yaml:file:)``), the manifest's record of the configuration
/// (``RunConfiguration/values``) and the printed, commented file (`contextd config`) are all
/// made from the list of declarations, ``RunConfiguration/keys``; nothing else names a key.
public struct ConfigKey: Sendable {
    /// Dotted path in the YAML (`maps.overview.max_nodes`).
    public let path: String
    /// The comment printed above the key (may span lines).
    public let doc: String
    /// What the key holds, for people: `whole number, 1 to 10`.
    public let type: String
    let read: @Sendable (Node, ConfigReader, inout RunConfiguration) throws(ConfigurationError) -> Void
    let value: @Sendable (RunConfiguration) -> ConfigValue

    /// A field of the configuration that a key sets. Key path literals are `Sendable`.
    public typealias Field<Value> = any WritableKeyPath<RunConfiguration, Value> & Sendable

    init<Value>(
        _ path: String, _ field: Field<Value>, type: String, doc: String,
        parse: @escaping @Sendable (Node, ConfigReader, String) throws(ConfigurationError) -> Value,
        render: @escaping @Sendable (Value) -> ConfigValue
    ) {
        self.init(
            path, field, type: type, doc: doc,
            update: { (node, reader, key, _) throws(ConfigurationError) in try parse(node, reader, key) },
            render: render)
    }

    /// A key whose new value depends on the current one (a mapping merged into the defaults).
    init<Value>(
        _ path: String, _ field: Field<Value>, type: String, doc: String,
        update: @escaping @Sendable (Node, ConfigReader, String, Value) throws(ConfigurationError) -> Value,
        render: @escaping @Sendable (Value) -> ConfigValue
    ) {
        self.path = path
        self.doc = doc
        self.type = type
        self.read = { (node, reader, config) throws(ConfigurationError) in
            config[keyPath: field] = try update(node, reader, path, config[keyPath: field])
        }
        self.value = { render($0[keyPath: field]) }
    }

    /// The section path and the key's own name.
    var parts: (section: String, name: String) {
        guard let dot = path.lastIndex(of: ".") else { return ("", path) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }
}

extension ConfigKey {
    static func int(
        _ path: String, _ field: Field<Int>, in range: ClosedRange<Int>, unit: String = "", _ doc: String
    ) -> ConfigKey {
        let upper = range.upperBound == Int.max ? "any size" : "\(range.upperBound)"
        return ConfigKey(
            path, field, type: "whole number, \(range.lowerBound) to \(upper)\(unit)", doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in try reader.int(node, key, in: range) },
            render: { .int($0) })
    }

    static func number(_ path: String, _ field: Field<Double>, in range: ClosedRange<Double>, _ doc: String)
        -> ConfigKey
    {
        ConfigKey(
            path, field,
            type: "number, \(ConfigValue.numberText(range.lowerBound)) to \(ConfigValue.numberText(range.upperBound))",
            doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in try reader.double(node, key, in: range) },
            render: { .number($0) })
    }

    static func numbers(
        _ path: String, _ field: Field<[Double]>, count: Int, in range: ClosedRange<Double>, decreasing: String? = nil,
        _ doc: String
    ) -> ConfigKey {
        let bounds = "\(ConfigValue.numberText(range.lowerBound)) to \(ConfigValue.numberText(range.upperBound))"
        return ConfigKey(
            path, field, type: "list of \(count) numbers, \(bounds)\(decreasing == nil ? "" : ", decreasing")",
            doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in
                let values = try reader.doubles(node, key, count: count, in: range)
                if let decreasing, zip(values, values.dropFirst()).contains(where: { $0 <= $1 }) {
                    throw reader.error(node, key, decreasing)
                }
                return values
            },
            render: { .list($0.map(ConfigValue.number)) })
    }

    static func bool(_ path: String, _ field: Field<Bool>, _ doc: String) -> ConfigKey {
        ConfigKey(
            path, field, type: "true or false", doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in try reader.bool(node, key) },
            render: { .bool($0) })
    }

    /// One of a fixed set of names (`strict`, `lenient`).
    static func choice<Value: RawRepresentable<String> & Sendable>(
        _ path: String, _ field: Field<Value>, of allowed: [Value], _ doc: String
    ) -> ConfigKey {
        let names = allowed.map(\.rawValue)
        return ConfigKey(
            path, field, type: "one of " + names.joined(separator: ", "), doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in
                let name = try reader.oneOf(node, key, names)
                guard let value = allowed.first(where: { $0.rawValue == name }) else {
                    throw reader.error(node, key, "'\(name)' is not allowed")
                }
                return value
            },
            render: { .text($0.rawValue) })
    }

    /// A list of names from a fixed set, each at most once, in the order given.
    static func names<Value: Sendable & Equatable>(
        _ path: String, _ field: Field<[Value]>, of allowed: [Value], name: @escaping @Sendable (Value) -> String,
        atLeastOne noun: String? = nil, _ doc: String
    ) -> ConfigKey {
        let names = allowed.map(name)
        return ConfigKey(
            path, field, type: "list of " + names.joined(separator: ", "), doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in
                let chosen = try reader.list(node, key, of: names)
                if let noun, chosen.isEmpty { throw reader.error(node, key, "must name at least one \(noun)") }
                return chosen.compactMap { text in allowed.first { name($0) == text } }
            },
            render: { .list($0.map { .text(name($0)) }) })
    }

    /// A path to a file or folder, or nothing (`nil`, the documented default place).
    static func optionalPath(_ path: String, _ field: Field<String?>, _ doc: String) -> ConfigKey {
        ConfigKey(
            path, field, type: "path, or empty", doc: doc,
            parse: { (node, reader, key) throws(ConfigurationError) in
                reader.isNull(node) ? nil : try reader.path(node, key)
            },
            render: { $0.map(ConfigValue.text) ?? .null })
    }

    /// Named numbers (weights): any of `names`, each in `range`; names not given keep their value.
    static func weights(
        _ path: String, _ field: Field<[String: Double]>, names: [String], in range: ClosedRange<Double>, _ doc: String
    ) -> ConfigKey {
        ConfigKey(
            path, field,
            type:
                "mapping of names to numbers, \(ConfigValue.numberText(range.lowerBound)) to \(ConfigValue.numberText(range.upperBound))",
            doc: doc,
            update: { (node, reader, key, current) throws(ConfigurationError) in
                var values = current  // Names not given keep their value.
                for (name, value) in try reader.mapping(node, key, allowed: names) {
                    values[name] = try reader.double(value, key + "." + name, in: range)
                }
                return values
            },
            render: { values in .mapping(names.compactMap { name in values[name].map { .init(name, .number($0)) } }) })
    }

    /// Named lists of text (suggested actions by target kind); names not given keep their lists.
    static func textLists(_ path: String, _ field: Field<[String: [String]]>, names: [String], _ doc: String)
        -> ConfigKey
    {
        ConfigKey(
            path, field, type: "mapping of names to lists of text", doc: doc,
            update: { (node, reader, key, current) throws(ConfigurationError) in
                var values = current  // Names not given keep their lists.
                for (name, value) in try reader.mapping(node, key, allowed: names) {
                    guard case .sequence(let items) = value else {
                        throw reader.error(value, key + "." + name, "expected a list of suggested actions")
                    }
                    var texts: [String] = []
                    for item in items { texts.append(try reader.string(item, key + "." + name)) }
                    values[name] = texts
                }
                return values
            },
            render: { values in
                .mapping(names.compactMap { name in values[name].map { .init(name, .list($0.map(ConfigValue.text))) } })
            })
    }
}
