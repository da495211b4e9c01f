/// Turns untrusted text (ids, names) into safe Graphviz attribute values.
///
/// Graphviz interprets `\N`, `\G`, `\E`, `\L`, `\n`, `\l`, `\r` in labels and tooltips, and its
/// DOT writer escapes `"` but not `\`, so a label ending in a backslash could break any DOT file
/// it writes. ``escaped(_:limit:)`` therefore:
/// 1. drops NUL, the other C0 controls (except newline; a tab becomes a space), DEL, the C1
///    controls and the bidirectional embedding/override/isolate controls (U+202A-U+202E,
///    U+2066-U+2069), which could make a name read differently from what it is;
/// 2. caps the text at `limit` characters, ending it with "…";
/// 3. doubles every backslash and writes `&` as `&amp;` (Graphviz reads entities in labels);
/// 4. turns each newline into Graphviz's centred line break `\n`, after step 3 so it stays live.
///
/// Tooltips go through one more unescaping pass in Graphviz (`interpretCRNL`, which turns `\\`
/// into `\` before `\N` and friends are substituted), so ``tooltip(_:limit:)`` writes each
/// backslash as four. ``html(_:limit:)`` escapes text for the inside of an HTML-like label.
enum LabelText {
    /// Default cap for node labels, in characters.
    static let labelLimit = 120
    /// Cap for a node's caption (id, area, level), in characters.
    static let captionLimit = 60
    /// Default cap for tooltips.
    static let tooltipLimit = 300

    /// Escaped text for a plain (non-HTML) `label` attribute.
    static func escaped(_ text: String, limit: Int = labelLimit) -> String {
        plain(text, limit: limit, backslash: "\\\\")
    }

    /// Escaped text for a `tooltip` attribute: as ``escaped(_:limit:)`` but with every backslash
    /// written as four, since Graphviz unescapes tooltips twice.
    static func tooltip(_ text: String, limit: Int = tooltipLimit) -> String {
        plain(text, limit: limit, backslash: "\\\\\\\\")
    }

    private static func plain(_ text: String, limit: Int, backslash: String) -> String {
        var result = ""
        for character in prepared(text, limit: limit) {
            switch character {
            case "\\": result += backslash
            case "&": result += "&amp;"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for the inside of an HTML-like label: cleaned, capped, with `& < > " '` as entities.
    /// A newline becomes `<BR/>`.
    static func html(_ text: String, limit: Int = labelLimit) -> String {
        var result = ""
        for character in prepared(text, limit: limit) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<BR/>"
            default: result.append(character)
            }
        }
        return result
    }

    /// Cleaned and capped text. Only a window of the input is examined, so a megabyte of text
    /// costs no more than a short name.
    static func prepared(_ text: String, limit: Int) -> String {
        let scalars = text.unicodeScalars
        let window = scalars.prefix(limit * 8 + 64)
        let (result, cut) = capped(cleaned(String(window)), limit: limit)
        guard !cut, window.endIndex < scalars.endIndex, limit > 0 else { return result }
        // The window ended before the text did: mark the cut.
        return String(result.prefix(limit - 1)) + "…"
    }

    /// The text without control and bidirectional-override characters; CR LF and CR become LF.
    static func cleaned(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { scalars.append(scalar) }
            case 0x0D:
                scalars.append("\n")
            case 0x09:
                scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// At most `limit` characters (grapheme clusters); longer text ends with "…".
    static func capped(_ text: String, limit: Int) -> (text: String, cut: Bool) {
        guard limit > 0 else { return ("", !text.isEmpty) }
        var count = 0
        var end = text.startIndex
        while end < text.endIndex {
            if count == limit { return (String(text[..<text.index(before: end)]) + "…", true) }
            text.formIndex(after: &end)
            count += 1
        }
        return (text, false)
    }
}
