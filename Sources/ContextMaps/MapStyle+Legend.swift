extension MapStyle {
    /// The legend, as an HTML-like table built only from the constants of ``MapStyle``: no data
    /// ever reaches it. It becomes part of the root graph's label, which every engine draws.
    static let legendHTML: String = {
        func cell(_ text: String, fill: String? = nil, font: String? = nil) -> String {
            let background = fill.map { " BGCOLOR=\"\($0)\"" } ?? ""
            let body = font.map { "<FONT COLOR=\"\($0)\">\(text)</FONT>" } ?? text
            return "<TD\(background) ALIGN=\"LEFT\">\(body)</TD>"
        }
        func row(_ cells: [String]) -> String {
            "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\"><TR>"
                + cells.joined() + "</TR></TABLE></TD></TR>"
        }
        let levels = [
            cell("<B>MACE level</B> (light to dark; thicker outline and &quot;MACE n&quot; in the label)"),
            cell("4 high concern", fill: highFill, font: "#ffffff"),
            cell("3 some concern", fill: someFill),
            cell("2 low concern", fill: lowFill),
            cell("1 no concern", fill: noFill),
            cell("not assessed", fill: notAssessedFill),
        ]
        let shapes = [
            cell("<B>Shape</B>"),
            cell("child: double ellipse"), cell("peer: small ellipse"), cell("perpetrator: octagon"),
            cell("location: house"), cell("school: tab"), cell("group: hexagon"),
            cell("cluster: rounded box"),
        ]
        let edges = [
            cell("<B>Line</B>"),
            cell("<B>exploits: bold red arrow</B>", font: exploitsColour),
            cell("online contact: dashed"),
            cell("attends, frequents: mid grey", font: contextColour),
            cell("weak (graded C/D, source 3): light grey, thin", font: faintColour),
            cell("stale: light grey, dotted", font: faintColour),
            cell("wider line: stronger link"),
        ]
        return "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + row(levels) + row(shapes) + row(edges) + "</TABLE>"
    }()

    /// The drawing rules that a ``MapSpec`` does not carry (the legend's text), for cache keys:
    /// a change here must redraw every cached map.
    public static var drawingSignature: String { "header-text-3|" + keyLines.joined(separator: "|") + "|" + legendHTML }

    /// The root graph's label when the legend is drawn: the title lines and the note (escaped
    /// for HTML by ``LabelText/html(_:limit:)``) above the constant legend.
    static func headerHTML(title: [String], note: String?) -> String {
        var rows = ""
        for (number, line) in title.enumerated() {
            let text = LabelText.html(line, limit: titleLimit)
            let formatted = number == 0 ? "<FONT POINT-SIZE=\"16\"><B>\(text)</B></FONT>" : text
            rows += "<TR><TD ALIGN=\"LEFT\">\(formatted)</TD></TR>"
        }
        if let note {
            rows += "<TR><TD ALIGN=\"LEFT\"><I>\(LabelText.html(note, limit: titleLimit))</I></TD></TR>"
        }
        rows += "<TR><TD ALIGN=\"LEFT\">\(legendHTML)</TD></TR>"
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">\(rows)</TABLE>"
    }

    /// The root graph's plain label: title lines, the note, and (with `key`) the legend as
    /// text, each line left-justified (`\l`); data parts are escaped by ``LabelText``.
    ///
    /// Maps use this rather than the HTML-like ``headerHTML(title:note:)``: Graphviz 2.42 leaks
    /// about 1.7 KB per layout in its HTML-label parser and in the Pango markup of HTML text
    /// (measured with `Tests/Leaks/valgrind_maps.sh`), which a service drawing hundreds of maps a
    /// run cannot afford. The coloured legend is drawn once, by `contextd map --legend`.
    static func headerText(title: [String], note: String?, key: Bool) -> String {
        let lines = (title + (note.map { [$0] } ?? [])).map { LabelText.escaped($0, limit: titleLimit) }
        return (lines + (key ? keyLines : [])).map { $0 + "\\l" }.joined()
    }

    /// The legend in words, from constants only (no data).
    static let keyLines = [
        "Fill, MACE level, light to dark (and a thicker outline, and \"MACE n\" under the name): pale cream 1 no "
            + "concern · light orange 2 low · orange 3 some · red 4 high concern · grey not assessed",
        "Shape: child double ellipse · peer small ellipse · perpetrator octagon · place house · school tab · "
            + "group hexagon · cluster rounded box",
        "Line: red arrow exploits · dashed online contact · mid grey attends, frequents · light grey and thin: "
            + "weak (graded C/D, source 3) · dotted light grey: stale · wider stronger",
    ]

    /// Cap for a title or note line, in characters.
    static let titleLimit = 200
}
