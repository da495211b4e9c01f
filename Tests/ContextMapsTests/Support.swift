import ContextModel
import Foundation
import FoundationXML
import Testing

@testable import ContextMaps

extension Tag {
    /// Tests that call into the Graphviz C library.
    @Tag static var graphviz: Self
}

/// The result of parsing an SVG document as XML.
struct ParsedSVG {
    var wellFormed: Bool
    /// Text content of each `<text>` element, in document order.
    var texts: [String]
    /// `xlink:title` attributes (tooltips), in document order.
    var tooltips: [String]
    /// Error description when not well-formed.
    var error: String?
}

/// Parses SVG bytes with FoundationXML (external entities are not resolved).
func parseSVG(_ bytes: [UInt8]) -> ParsedSVG {
    let collector = SVGCollector()
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.delegate = collector
    let ok = parser.parse()
    return ParsedSVG(
        wellFormed: ok, texts: collector.texts, tooltips: collector.tooltips,
        error: ok ? nil : parser.parserError.map { "\($0)" })
}

private final class SVGCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var tooltips: [String] = []
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "text" { current = "" }
        if let title = attributes["xlink:title"] { tooltips.append(title) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.append(string)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text", let text = current {
            texts.append(text)
            current = nil
        }
    }
}

extension Array where Element == UInt8 {
    var utf8Text: String { String(decoding: self, as: UTF8.self) }
}

/// A small hand-built map with every kind, every MACE level and the styled link kinds.
func sampleSpec(engine: LayoutEngine = .dot, legend: Bool = true, extraNodes: Int = 0) -> MapSpec {
    var nodes: [MapSpec.Node] = [
        .init(label: "Child A", tooltip: "child · MACE 4", kind: .child, riskLevel: 4),
        .init(label: "Child B", kind: .child, riskLevel: 3),
        .init(label: "Peer C", kind: .peer, riskLevel: 2),
        .init(label: "Adult D", kind: .perpetrator, riskLevel: 4),
        .init(label: "Park E", kind: .location, riskLevel: 1),
        .init(label: "School F", kind: .school),
        .init(label: "Group G", kind: .group, riskLevel: 3),
        .init(label: "K-0123456789ab\n12 members", kind: nil, riskLevel: 4, weight: 12),
    ]
    for i in 0..<extraNodes { nodes.append(.init(label: "Extra \(i)", kind: .peer, riskLevel: UInt8(i % 5))) }
    var edges: [MapSpec.Edge] = [
        .init(from: 3, to: 0, kind: .exploits, penWidth: 3, directed: true),
        .init(from: 0, to: 1, kind: .associate, penWidth: 1.5, faint: true),
        .init(from: 1, to: 2, kind: .onlineContact),
        .init(from: 0, to: 4, kind: .frequents, directed: true),
        .init(from: 1, to: 5, kind: .attends, directed: true),
        .init(from: 2, to: 6, kind: .member, directed: true),
        .init(from: 6, to: 7, kind: nil),
    ]
    for i in 0..<extraNodes { edges.append(.init(from: 8 + i, to: i % 8, kind: .associate)) }
    return MapSpec(
        title: ["test map — OFFICIAL-SENSITIVE", "as of 2025-01-31"], note: "a note line", nodes: nodes,
        edges: edges, legend: legend, engine: engine)
}
