import Foundation

/// `board.html`: the board summary as one self-contained, printable page.
///
/// Inline CSS and inline SVG only: no script, no external stylesheet, font, image or link of
/// any kind, so it opens the same with no network and leaks nothing when opened. Marked
/// OFFICIAL (aggregated) at the top and the bottom. Every data value is escaped.
public enum BoardHTML {
    /// Renders the page.
    ///
    /// - Parameter mapSVG: the cluster-level map as Graphviz SVG (made inline by ``inlineSVG(_:)``),
    ///   or `nil` to leave the map out.
    public static func render(_ report: BoardReport, mapSVG: [UInt8]?) -> [UInt8] {
        let e = HTMLText.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Hotspot summary \(e(report.period.label)) — \(e(BoardReport.markingLine))</title>
            <style>\(css)</style>
            </head>
            <body>
            <div class="marking">\(e(BoardReport.markingLine))</div>
            <h1>Exploitation hotspot summary: \(e(report.period.label))</h1>
            <p class="lede">\(e(report.period.start)) to \(e(report.period.end)); analysis as of \(e(report.asOf)). \
            Aggregated and pseudonymised for strategic boards: no child is identified. \
            <strong>[c]</strong> marks a count suppressed to protect confidentiality.</p>
            <p class="history">\(e(report.history))</p>
            <section class="figures">
            <div class="figure"><span class="number">\(cell(report.childrenOpen))</span> children open to the MACE</div>
            <div class="figure"><span class="number">\(report.hotspots.count)</span> hotspots listed</div>
            <div class="figure"><span class="number">\(report.clusters.count)</span> concern clusters</div>
            </section>

            """
        if let level = report.tables.first(where: { $0.name == "children_by_area_and_level" }) {
            let lastColumn = level.columns.count - 1, lastRow = level.rows.count - 1
            let byArea = (0..<max(0, lastRow)).map {
                SVGChart.Bar(label: level.rows[$0], value: level.cells[$0][lastColumn].value)
            }
            let byLevel = (0..<max(0, lastColumn)).map {
                SVGChart.Bar(label: level.columns[$0], value: lastRow >= 0 ? level.cells[lastRow][$0].value : nil)
            }
            html += "<section class=\"charts\">"
            html += SVGChart.bars("Children open to the MACE by area", byArea)
            html += SVGChart.bars("Children open to the MACE by MACE level", byLevel)
            html += "</section>\n"
        }
        for table in report.tables { html += render(table) }

        html += "<h2>Top hotspots</h2>\n<table><thead><tr><th>Rank</th><th>Pseudonym</th><th>Place</th><th>Score</th>"
        html += "<th>Trend</th><th>Children linked</th></tr></thead><tbody>\n"
        for hotspot in report.hotspots {
            html +=
                "<tr><td>\(hotspot.rank)</td><td class=\"mono\">\(e(hotspot.pseudonym))</td><td class=\"text\">\(e(hotspot.description))</td>"
            html +=
                "<td>\(oneDecimal(hotspot.score))</td><td>\(e(hotspot.trend))</td><td>\(cell(hotspot.childrenLinked))</td></tr>\n"
        }
        html += "</tbody></table>\n"

        html += "<h2>Concern clusters by size and type</h2>\n<table><thead><tr><th>Pseudonym</th><th>Members</th>"
        html +=
            "<th>Children</th><th>Highest MACE level</th><th>Types of exploitation</th><th>Trend</th></tr></thead><tbody>\n"
        for cluster in report.clusters {
            html += "<tr><td class=\"mono\">\(e(cluster.pseudonym))</td><td>\(e(cluster.sizeBand))</td>"
            html +=
                "<td>\(cell(cluster.children))</td><td>\(cluster.highestLevel.map(String.init) ?? "not assessed")</td>"
            html +=
                "<td class=\"text\">\(e(cluster.exploitation.joined(separator: ", ")))</td><td>\(e(cluster.trend))</td></tr>\n"
        }
        html += "</tbody></table>\n"

        if let mapSVG {
            html += "<h2>Overview map of concern clusters</h2>\n<p class=\"note\">\(e(report.mapNote))</p>\n"
            html += "<div class=\"map\">\(inlineSVG(mapSVG))</div>\n"
        }

        let names = [
            ("missing_episodes", "Missing episodes", "#1d4f91"), ("found_missing", "Found (after missing)", "#2a9d8f"),
            ("incidents", "Incidents", "#e76f51"), ("weapons", "Weapons", "#6d597a"),
        ]
        html += "<h2>Trend over the previous periods</h2>\n<section class=\"charts\">"
        html += SVGChart.lines(
            "Events by period", labels: report.trend.map(\.period),
            series: names.map { name, title, colour in
                SVGChart.Series(name: title, colour: colour, values: report.trend.map { $0.measures[name]?.value })
            })
        html += "</section>\n<table><thead><tr><th>Period</th><th>Children open</th>"
        html += names.map { "<th>\(e($0.1))</th>" }.joined() + "</tr></thead><tbody>\n"
        for point in report.trend {
            html +=
                "<tr><td>\(e(point.period))</td><td>\(point.measures["children_open"].map(cell) ?? "no record")</td>"
            html += names.map { "<td>\(point.measures[$0.0].map(cell) ?? "")</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody></table>\n"

        html += "<h2>Outcomes of actions, by kind of action</h2>\n<p class=\"note\">\(e(report.outcomeNote))</p>\n"
        if !report.outcomes.isEmpty {
            html += "<table><thead><tr><th>Action</th><th>Actions</th><th>Improved</th><th>Worsened</th>"
            html +=
                "<th>No clear change</th><th>Too early / too little data</th><th>Children linked before → after</th>"
            html += "<th>Events before → after</th></tr></thead><tbody>\n"
            for group in report.outcomes {
                let unjudged =
                    (group.verdicts["too early to judge"] ?? 0) + (group.verdicts["too little data to judge"] ?? 0)
                html += "<tr><td>\(e(group.actionKind.replacingUnderscores))</td><td>\(group.actions)</td>"
                html += "<td>\(group.verdicts["improved"] ?? 0)</td><td>\(group.verdicts["worsened"] ?? 0)</td>"
                html += "<td>\(group.verdicts["no clear change"] ?? 0)</td><td>\(unjudged)</td>"
                html += "<td>\(cell(group.childrenLinkedBefore)) → \(cell(group.childrenLinkedAfter))</td>"
                html += "<td>\(cell(group.eventsBefore)) → \(cell(group.eventsAfter))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }

        html += "<h2>How small numbers are protected</h2>\n<ul>"
        html += report.suppression.rules.map { "<li>\(e($0))</li>" }.joined()
        html += "</ul>\n<p class=\"note\">\(report.suppression.primaryCells) cells suppressed as small, "
        html += "\(report.suppression.secondaryCells) more to protect them.</p>\n<h2>Notes</h2>\n<ul>"
        html += report.notes.map { "<li>\(e($0))</li>" }.joined()
        html += "</ul>\n<div class=\"marking\">\(e(BoardReport.markingLine))</div>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    static func oneDecimal(_ value: Double) -> String { String((value * 10).rounded() / 10) }

    static func cell(_ cell: BoardReport.Cell) -> String {
        cell.value.map(String.init) ?? "<span class=\"suppressed\" title=\"suppressed\">[c]</span>"
    }

    static func render(_ table: BoardReport.Table) -> String {
        let e = HTMLText.escape
        var html = "<h2>\(e(table.title))</h2>\n"
        if let note = table.note { html += "<p class=\"note\">\(e(note))</p>\n" }
        guard !table.cells.isEmpty else { return html + "<p>None in the period.</p>\n" }
        html += "<table><thead><tr><th>\(e(table.rowHeading))</th>"
        html += table.columns.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for (i, row) in table.cells.enumerated() {
            let total = i == table.cells.count - 1
            html += "<tr\(total ? " class=\"total\"" : "")><th>\(e(table.rows[i]))</th>"
            html += row.map { "<td>\(cell($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// Makes Graphviz SVG fit inside HTML with no outside reference: drops the XML declaration,
    /// the DOCTYPE (which names a DTD by URL), comments and namespace declarations (HTML's
    /// parser puts `<svg>` in the SVG namespace by itself), and any `href` or `src` attribute.
    public static func inlineSVG(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
        text = removing(text, from: "<!--", to: "-->")
        for attribute in [" xmlns=\"", " xmlns:xlink=\"", " xlink:href=\"", " href=\"", " src=\""] {
            text = removing(text, from: attribute, to: "\"", keepStart: false)
        }
        return text
    }

    /// Removes every span from `start` to the next `end` (inclusive).
    static func removing(_ text: String, from start: String, to end: String, keepStart: Bool = false) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: start) {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: end) else {
                rest = ""
                break
            }
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#111;max-width:1100px;margin:0 auto;\
        padding:16px;line-height:1.4}\
        .marking{font-weight:700;text-align:center;letter-spacing:.08em;border:2px solid #111;padding:4px;margin:8px 0}\
        h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.2em;margin-top:1.4em;border-bottom:1px solid #ccc}\
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:3px 8px;\
        text-align:right}th:first-child,td:first-child,td.text{text-align:left}thead th{background:#eef2f7}\
        tr.total th,tr.total td{font-weight:700;background:#f6f6f6}.suppressed{color:#666}\
        .mono{font-family:ui-monospace,Menlo,Consolas,monospace}.note{color:#444;font-size:.9em}\
        .figures{display:flex;gap:16px;margin:12px 0}.figure{border:1px solid #ccc;padding:8px 14px;border-radius:4px}\
        .number{font-size:1.6em;font-weight:700;display:block}.charts{display:flex;flex-wrap:wrap;gap:24px}\
        .chart text{font-size:12px;font-family:inherit}.chart .chart-title{font-weight:700;font-size:13px}\
        .map svg{max-width:100%;height:auto}\
        @media print{body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}table,.chart,.map{break-inside:avoid}\
        .marking{border-width:1px}}
        """
}
