import Foundation

/// A JSON value, decoded exactly (booleans are not numbers).
public indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that contextd's schemas use:
/// `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
/// `minimum`, `maximum`, `pattern`, and local `$ref` into `$defs`, with the annotations `$schema`,
/// `$id`, `title` and `description`.
///
/// Hand-written because no package in the offline copy validates JSON Schema. It refuses a schema
/// that uses any other keyword, so a schema can never silently ask for a check this does not make.
/// The shipped schemas are also checked with Python's `jsonschema` (Draft202012Validator) when
/// they change; see the README.
public struct JSONSchemaValidator {
    public let root: JSONValue

    static let keywords: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "properties", "required",
        "additionalProperties", "items", "enum", "const", "minimum", "maximum", "pattern",
    ]

    public struct UnsupportedKeyword: Error, CustomStringConvertible {
        public let keyword: String
        public let path: String
        public var description: String { "schema uses '\(keyword)' at \(path), which this validator does not check" }
    }

    public init(schema bytes: [UInt8]) throws {
        root = try JSONValue.parse(bytes)
        try Self.checkKeywords(root, path: "#")
    }

    static func checkKeywords(_ schema: JSONValue, path: String) throws {
        guard case .object(let members) = schema else { return }
        for (key, value) in members {
            guard keywords.contains(key) else { throw UnsupportedKeyword(keyword: key, path: path) }
            switch key {
            case "properties", "$defs":
                if case .object(let children) = value {
                    for (name, child) in children { try checkKeywords(child, path: "\(path)/\(key)/\(name)") }
                }
            case "items", "additionalProperties":
                try checkKeywords(value, path: "\(path)/\(key)")
            default: break
            }
        }
    }

    /// Every violation, as `path: message`; empty when the document is valid.
    public func validate(_ document: JSONValue) -> [String] {
        var errors: [String] = []
        check(document, against: root, at: "$", errors: &errors)
        return errors
    }

    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case .object(let members) = node, let next = members[String(part)] else { return nil }
            node = next
        }
        return node
    }

    static func typeName(_ value: JSONValue) -> [String] {
        switch value {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(let n): n == n.rounded() ? ["number", "integer"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    func check(_ value: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed here") }
            return
        }
        guard case .object(let keywords) = schema else { return }
        if case .string(let reference)? = keywords["$ref"] {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, at: path, errors: &errors)
        }
        if let type = keywords["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names):
                allowed = names.compactMap {
                    if case .string(let name) = $0 { return name }
                    return nil
                }
            default: allowed = []
            }
            if Set(allowed).isDisjoint(with: Self.typeName(value)) {
                errors.append(
                    "\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value)[0])")
                return
            }
        }
        if case .array(let options)? = keywords["enum"], !options.contains(value) {
            errors.append("\(path): not one of the allowed values")
        }
        if let constant = keywords["const"], constant != value { errors.append("\(path): not the required constant") }
        if case .number(let n) = value {
            if case .number(let minimum)? = keywords["minimum"], n < minimum {
                errors.append("\(path): below \(minimum)")
            }
            if case .number(let maximum)? = keywords["maximum"], n > maximum {
                errors.append("\(path): above \(maximum)")
            }
        }
        if case .string(let text) = value, case .string(let pattern)? = keywords["pattern"] {
            if text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): does not match \(pattern)")
            }
        }
        if case .array(let items) = value, let itemSchema = keywords["items"] {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, at: "\(path)[\(index)]", errors: &errors)
            }
        }
        if case .object(let members) = value {
            var properties: [String: JSONValue] = [:]
            if case .object(let declared)? = keywords["properties"] { properties = declared }
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where members[name] == nil {
                    errors.append("\(path): missing required '\(name)'")
                }
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    check(member, against: property, at: "\(path).\(name)", errors: &errors)
                } else if let additional = keywords["additionalProperties"] {
                    check(member, against: additional, at: "\(path).\(name)", errors: &errors)
                }
            }
        }
    }
}
