extension RunConfiguration {
    /// The configuration as a commented YAML file, made from the declarations (``keys``,
    /// ``sectionDocs``): every key with its comment, its type and range, and its value in `config`.
    /// `contextd config` prints it; `Config/contextd.yaml` is this text for the defaults with the
    /// sample's as-of date, and a test keeps the two the same.
    public static func document(_ config: RunConfiguration = RunConfiguration()) -> String {
        var lines = [
            "# contextd run configuration (YAML), printed by `contextd config` from the declarations of",
            "# every key. Every key is optional: a missing key takes the default. An unknown key, a value",
            "# of the wrong type or out of range stops the run with exit status 78 and a message naming",
            "# the key. The manifest of every run records every setting it used, defaults included.",
        ]
        var open: [String] = []  // The sections open at this point, outermost first.
        for key in keys {
            let section = key.parts.section.isEmpty ? [] : key.parts.section.split(separator: ".").map(String.init)
            var shared = 0
            while shared < min(open.count, section.count), open[shared] == section[shared] { shared += 1 }
            open.removeLast(open.count - shared)
            while open.count < section.count {
                let name = section[open.count]
                let path = (open + [name]).joined(separator: ".")
                let indent = String(repeating: "  ", count: open.count)
                if open.isEmpty { lines.append("") }
                lines += comment(sectionDocs[path] ?? "", indent: indent)
                lines.append(indent + name + ":")
                open.append(name)
            }
            let indent = String(repeating: "  ", count: open.count)
            if open.isEmpty { lines.append("") }
            lines += comment(key.doc + "\n(" + key.type + ")", indent: indent)
            lines += entry(key.parts.name, key.value(config), indent: indent)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func comment(_ text: String, indent: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { indent + "# " + $0 }
    }

    /// `name: value`, a mapping of mappings or lists in block style one level down.
    private static func entry(_ name: String, _ value: ConfigValue, indent: String) -> [String] {
        guard case .mapping(let entries) = value else {
            let flow = value.yamlFlow
            return [indent + name + ":" + (flow.isEmpty ? "" : " " + flow)]
        }
        return [indent + name + ":"] + entries.map { indent + "  " + $0.key + ": " + $0.value.yamlFlow }
    }
}
