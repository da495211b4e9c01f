import ContextModel
import Testing

@testable import ContextMaps

@Suite(.tags(.graphviz))
struct GraphvizRendererTests {
    @Test(arguments: [LayoutEngine.dot, .sfdp, .neato, .fdp])
    func smallMapRendersWellFormedSVGWithMarkingAndLegend(engine: LayoutEngine) async throws {
        let spec = sampleSpec(engine: engine)
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        let svg = try #require(output[.svg])
        let parsed = parseSVG(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        let text = parsed.texts.joined(separator: "\n")
        #expect(text.contains("test map — OFFICIAL-SENSITIVE"))
        #expect(text.contains("a note line"))
        #expect(text.contains("Fill, MACE level, light to dark"))
        #expect(text.contains("perpetrator octagon"))
        #expect(text.contains("red arrow exploits"))
        #expect(parsed.texts.contains("Adult D"))
        #expect(parsed.tooltips.contains("child · MACE 4"))

        let dot = try #require(output[.dot])
        let reparsed = try #require(await GraphvizRenderer.shared.reparse(dot: dot))
        #expect(reparsed.nodeCount == spec.nodes.count)
        #expect(reparsed.edgeCount == spec.edges.count)
        #expect(reparsed.labels["n3"] == "Adult D")
    }

    @Test func legendCanBeLeftOut() async throws {
        let output = try await GraphvizRenderer.shared.render(sampleSpec(legend: false), formats: [.svg])
        let parsed = parseSVG(try #require(output[.svg]))
        #expect(parsed.wellFormed)
        #expect(parsed.texts.contains("test map — OFFICIAL-SENSITIVE"))
        #expect(!parsed.texts.joined().contains("MACE level"))
    }

    @Test func legendAloneHasColourSwatches() async throws {
        let output = try await GraphvizRenderer.shared.render(.legendOnly(asOf: Day(rawValue: 20_000)), formats: [.svg])
        let svg = String(decoding: try #require(output[.svg]), as: UTF8.self)
        #expect(parseSVG(Array(svg.utf8)).texts.contains("exploits: bold red arrow"))
        for fill in [MapStyle.highFill, MapStyle.someFill, MapStyle.lowFill, MapStyle.noFill] {
            #expect(svg.contains("fill=\"\(fill)\""))
        }
    }

    @Test func autoEngineChoosesDotForSmallAndSfdpForLargeMaps() {
        let style = MapStyle()
        #expect(style.resolvedEngine(.auto, nodeCount: MapStyle.defaultDotNodeLimit) == .dot)
        #expect(style.resolvedEngine(.auto, nodeCount: MapStyle.defaultDotNodeLimit + 1) == .sfdp)
        #expect(style.resolvedEngine(.neato, nodeCount: 1_000) == .neato)
        // A slow engine asked for by name on a map too big for it is replaced, with a note.
        let replaced = style.resolvedEngine(.neato, nodeCount: 10_000, grouped: false, centred: false)
        #expect(replaced.engine == .sfdp)
        #expect(replaced.note == "Laid out with sfdp instead of neato: 10000 nodes exceed its limit of 1000.")
        // Boxed groups: dot when small, fdp (which draws boxes) up to the slow-engine limit.
        #expect(style.resolvedEngine(.auto, nodeCount: 20, grouped: true, centred: false).engine == .dot)
        #expect(style.resolvedEngine(.auto, nodeCount: 700, grouped: true, centred: false).engine == .fdp)
        let unboxed = style.resolvedEngine(.auto, nodeCount: 1_500, grouped: true, centred: false)
        #expect(unboxed.engine == .sfdp && unboxed.note?.hasPrefix("Clusters are not boxed") == true)
        // A centred map is radial whatever its size.
        #expect(style.resolvedEngine(.auto, nodeCount: 5, grouped: false, centred: true).engine == .twopi)
        #expect(MapStyle(dotNodeLimit: 5).resolvedEngine(.auto, nodeCount: 6) == .sfdp)
    }

    @Test func largerAutoMapIsLaidOutWithSfdp() async throws {
        let spec = sampleSpec(engine: .auto, extraNodes: MapStyle.defaultDotNodeLimit)
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        #expect(parseSVG(try #require(output[.svg])).wellFormed)
        let dot = try #require(output[.dot]).utf8Text
        // overlap is only set for the force-directed engines.
        #expect(dot.contains("overlap="))
        #expect(await GraphvizRenderer.shared.reparseNodeCount(dot: output[.dot] ?? []) == spec.nodes.count)
    }

    @Test func pngAndPDFHaveTheirSignatures() async throws {
        let formats = try await GraphvizRenderer.shared.availableFormats()
        #expect(formats.isSuperset(of: [.svg, .dot]))
        let wanted = [MapFormat.png, .pdf].filter(formats.contains)
        let output = try await GraphvizRenderer.shared.render(sampleSpec(), formats: wanted)
        if formats.contains(.png) {
            #expect(output[.png].map { Array($0.prefix(8)) } == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
        if formats.contains(.pdf) { #expect(output[.pdf].map { Array($0.prefix(5)) } == Array("%PDF-".utf8)) }
    }

    @Test func unknownEngineIsAGraphvizErrorNotACrash() async throws {
        let error = await #expect(throws: GraphvizError.self) {
            try await GraphvizRenderer.shared.render(sampleSpec(), formats: [.svg], engineName: "bogus")
        }
        #expect(error?.code == .layoutFailed)
        #expect(error?.graphvizMessage.contains("bogus") == true)
        // The renderer is still usable afterwards.
        let output = try await GraphvizRenderer.shared.render(sampleSpec(), formats: [.svg])
        #expect(parseSVG(try #require(output[.svg])).wellFormed)
    }

    @Test func edgeToAMissingNodeIsRejectedBeforeGraphviz() async throws {
        var spec = sampleSpec()
        spec.edges.append(.init(from: 0, to: spec.nodes.count, kind: .associate))
        let error = await #expect(throws: GraphvizError.self) {
            try await GraphvizRenderer.shared.render(spec, formats: [.svg])
        }
        #expect(error?.code == .invalidSpec)
    }

    @Test func emptyMapRenders() async throws {
        let spec = MapSpec(title: ["empty — OFFICIAL-SENSITIVE"])
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        #expect(parseSVG(try #require(output[.svg])).wellFormed)
        #expect(await GraphvizRenderer.shared.reparseNodeCount(dot: output[.dot] ?? []) == 0)
    }

    @Test func concurrentRendersFromManyTasksAllSucceed() async throws {
        let results = try await withThrowingTaskGroup(of: (Int, Bool, Int?).self) { group in
            for task in 0..<20 {
                group.addTask {
                    let spec = sampleSpec(engine: task.isMultiple(of: 2) ? .dot : .sfdp, extraNodes: task)
                    let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
                    let count = await GraphvizRenderer.shared.reparseNodeCount(dot: output[.dot] ?? [])
                    return (spec.nodes.count, parseSVG(output[.svg] ?? []).wellFormed, count)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 20)
        for (expected, wellFormed, count) in results {
            #expect(wellFormed)
            #expect(count == expected)
        }
    }

    @Test func descriptionsNeverPrintLabels() {
        let spec = sampleSpec()
        #expect(!"\(spec)".contains("Child A"))
        #expect(!String(reflecting: spec).contains("Child A"))
        #expect(!"\(spec.nodes[0])".contains("Child A"))
    }
}
