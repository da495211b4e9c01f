import ContextModel
import Testing

@testable import ContextMaps

/// Labels, tooltips and titles that would break a naive DOT writer, Graphviz's escapes, or XML.
@Suite(.tags(.graphviz))
struct HostileLabelTests {
    /// Single-line, printable, short: these must also be displayed exactly as written.
    static let displayedVerbatim = [
        #"He said "hi""#,
        #"back\slash"#,
        #"trailing\"#,
        #""]; node [shape=box]; x [label=""#,
        #"a\"]; n99 [label="injected"#,
        #"\N \G \E \T \H \L \l \r"#,
        "<b>html</b>",
        "&bogus; &amp; &#x41; &#0;",
        "'single' ; {braces} -- -> // /* c */ # %s %n",
        "🧒🏾 emoji 👩‍👩‍👧",
        "עברית and العربية",
    ]

    static let others = [
        "line1\nline2\\\nline3",
        "\u{202E}evil override",
        "NUL\u{0}inside and bell\u{7}",
        String(repeating: "A\\", count: 500_000),  // a megabyte, pairs of letter and backslash
        "",
        String(repeating: "\\", count: 121),
    ]

    static func hostileSpec(engine: LayoutEngine) -> MapSpec {
        let labels = displayedVerbatim + others
        let nodes = labels.enumerated().map { index, label in
            MapSpec.Node(label: label, tooltip: label, kind: .child, riskLevel: UInt8(index % 5))
        }
        let edges = (1..<nodes.count).map { MapSpec.Edge(from: $0 - 1, to: $0, kind: .associate) }
        return MapSpec(
            title: ["hostile <b>title</b> & \"quotes\" \\ — OFFICIAL-SENSITIVE", "<IMG SRC=\"/etc/passwd\"/>"],
            note: "note ]]> <!-- \\N", nodes: nodes, edges: edges, legend: true, engine: engine)
    }

    @Test(arguments: [LayoutEngine.dot, .sfdp])
    func hostileLabelsNeverBreakTheDOTOrTheSVG(engine: LayoutEngine) async throws {
        let spec = Self.hostileSpec(engine: engine)
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.dot, .svg])

        let dot = try #require(output[.dot])
        let reparsed = try #require(await GraphvizRenderer.shared.reparse(dot: dot))
        #expect(reparsed.nodeCount == spec.nodes.count)
        #expect(reparsed.edgeCount == spec.edges.count)
        #expect(Set(reparsed.labels.keys) == Set(spec.nodes.indices.map { "n\($0)" }))
        for (index, node) in spec.nodes.enumerated() {
            // The DOT gives back exactly the escaped value that was set.
            #expect(reparsed.labels["n\(index)"] == LabelText.escaped(node.label), "node \(index)")
            if !node.tooltip.isEmpty {
                #expect(
                    reparsed.tooltips["n\(index)"] == LabelText.tooltip(node.tooltip), "node \(index)")
            }
        }

        let svg = try #require(output[.svg])
        let parsed = parseSVG(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        for label in Self.displayedVerbatim {
            #expect(parsed.texts.contains(label), "label shown verbatim: \(label)")
            #expect(parsed.tooltips.contains(label), "tooltip shown verbatim: \(label)")
        }
        let text = parsed.texts.joined(separator: "\n")
        #expect(text.contains("hostile <b>title</b> & \"quotes\" \\ — OFFICIAL-SENSITIVE"))
        #expect(text.contains("<IMG SRC=\"/etc/passwd\"/>"))
        #expect(text.contains("note ]]> <!-- \\N"))
        #expect(!svg.utf8Text.contains("<image"))
        // The override character is gone; the override's text stays.
        #expect(!svg.utf8Text.contains("\u{202E}"))
        #expect(parsed.texts.contains("evil override"))
    }

    @Test func megabyteLabelIsCappedInTheOutput() async throws {
        let spec = Self.hostileSpec(engine: .dot)
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg])
        let svg = try #require(output[.svg])
        // Without the cap, the megabyte label alone would make the SVG over a megabyte.
        #expect(svg.count < 200_000)
        #expect(parseSVG(svg).texts.contains { $0.hasPrefix(#"A\A\"#) && $0.hasSuffix("…") })
    }
}
