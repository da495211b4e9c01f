extension DisruptionPlan {
    /// `disruption.md`: the plan as a readable document for the Joint Action Group meeting.
    ///
    /// Every data value passes through ``markdownEscaped(_:)``, so an id cannot start a heading,
    /// a link, a table cell or raw HTML.
    public func markdown() -> [UInt8] {
        var out = "# Disruption plan — OFFICIAL-SENSITIVE\n\n"
        out += "As of \(asOf). For each concern cluster and each hotspot: whom or what to disrupt, why, and "
        out += "suggested actions (mapped from the kind of target in the configuration). Suggested actions are "
        out += "prompts for the partnership, not decisions.\n\n"
        out += "## Concern clusters\n\n"
        if clusters.isEmpty { out += "No concern clusters.\n\n" }
        for cluster in clusters {
            let types =
                cluster.exploitation.isEmpty
                ? "" : "; " + cluster.exploitation.map(Self.markdownEscaped).joined(separator: ", ")
            out += "### Cluster \(Self.markdownEscaped(cluster.cluster))\n\n"
            out += "\(cluster.size) members, \(cluster.children) children\(types).\n\n"
            if !cluster.directExposures.isEmpty {
                out += "Direct links from a level 3-4 perpetrator to a child: "
                out += cluster.directExposures.map { $0.map(Self.markdownEscaped).joined(separator: " ← ") }.joined(
                    separator: "; ")
                out += ".\n\n"
            }
            if let note = cluster.note { out += "\(Self.markdownEscaped(note))\n\n" }
            for item in cluster.targets {
                out += "- **\(Self.markdownEscaped(item.id))** (\(Self.markdownEscaped(item.targetKind))"
                out += item.riskLevel.map { ", MACE level \($0)" } ?? ""
                out += ")\n"
                for why in item.why { out += "  - Why: \(Self.markdownEscaped(why))\n" }
                if !item.evidence.links.isEmpty {
                    out += "  - Links: \(item.evidence.links.map(Self.markdownEscaped).joined(separator: "; "))\n"
                }
                if !item.evidence.events.isEmpty {
                    let events = item.evidence.events.sorted { $0.key < $1.key }.map {
                        "\($0.value) \(Self.markdownEscaped($0.key))"
                    }
                    out += "  - Events: \(events.joined(separator: ", "))\n"
                }
                out += "  - Suggested: \(item.suggestedActions.map(Self.markdownEscaped).joined(separator: "; "))\n"
                for taken in item.actionsTaken { out += "  - Already done: \(Self.markdownEscaped(taken))\n" }
            }
            out += "\n"
        }
        out += "## Hotspots\n\n"
        if hotspots.isEmpty { out += "No hotspots.\n\n" }
        for hotspot in hotspots {
            out +=
                "### \(hotspot.rank). \(Self.markdownEscaped(hotspot.id)) — \(Self.markdownEscaped(hotspot.targetKind))"
            out += hotspot.area.map { ", \(Self.markdownEscaped($0))" } ?? ""
            out += "\n\nScore \(hotspot.score).\n\n"
            for reason in hotspot.reasons { out += "- \(Self.markdownEscaped(reason))\n" }
            out += "- Suggested: \(hotspot.suggestedActions.map(Self.markdownEscaped).joined(separator: "; "))\n"
            for taken in hotspot.actionsTaken { out += "- Already done: \(Self.markdownEscaped(taken))\n" }
            out += "\n"
        }
        out += "## Outcomes of actions taken\n\n\(Self.markdownEscaped(outcomeNote))\n\n"
        if !outcomes.isEmpty {
            out += "| date | action | target | before | after | verdict |\n|---|---|---|---|---|---|\n"
            for action in outcomes {
                func window(_ w: OutcomeMeasures.Window) -> String {
                    var parts = ["\(w.childrenLinked) children linked", "\(w.events) events"]
                    if let score = w.contextScore { parts.insert("score \(score)", at: 0) }
                    if let pieces = w.clusterPieces, let members = w.clusterActiveMembers {
                        parts.append("cluster \(members) active in \(pieces) pieces")
                    }
                    return parts.joined(separator: ", ")
                }
                out +=
                    "| \(action.date) | \(Self.markdownEscaped(action.kind)) | \(Self.markdownEscaped(action.target)) | "
                out +=
                    "\(window(action.before)) | \(window(action.after)) | \(Self.markdownEscaped(action.verdict)) |\n"
            }
            out += "\nWindows of \(outcomeWindowDays) days before and after each action. "
            out += "A change after an action is an association, not proof that the action caused it.\n\n"
        }
        out += "---\nOFFICIAL-SENSITIVE\n"
        return Array(out.utf8)
    }

    /// Escapes text for Markdown: characters that could start markup mid-line (emphasis, code,
    /// links, tables, headings) are backslash-escaped,
    /// `<`, `>` and `&` become entities (no raw HTML), and line breaks become spaces.
    public static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "#", "|", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
