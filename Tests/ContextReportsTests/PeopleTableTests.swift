import ContextAnalysis
import ContextModel
import Testing

@testable import ContextReports

@Suite("people.csv")
struct PeopleTableTests {
    @Test func idsCannotBreakTheCSVOrRunAsFormulas() throws {
        var builder = ContextGraph.Builder()
        let hostile = ["=HYPERLINK(\"x\")", "a,b", "say \"hi\"", "-1", "@sum", "line\nbreak", "plain"]
        var added: [EntityIndex?] = hostile.map { builder.addEntity(id: $0, kind: .peer) }
        added.append(builder.addEntity(id: "L-1", kind: .location))
        let graph = builder.freeze()
        let analysis = try Analysis(graph, asOf: Day(rawValue: 20_000), settings: AnalysisSettings())
        let text = String(decoding: PeopleTable.csv(graph: graph, analysis: analysis), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "id,kind,risk_level,cluster,hops_from_seed,degree,weighted_degree,betweenness,pagerank,core_number")
        #expect(text.contains("\n\"'=HYPERLINK(\"\"x\"\")\",peer,"))
        #expect(text.contains("\n\"a,b\",peer,"))
        #expect(text.contains("\n\"say \"\"hi\"\"\",peer,"))
        #expect(text.contains("\n'-1,peer,"))
        #expect(text.contains("\n'@sum,peer,"))
        #expect(text.contains("\n\"line\nbreak\",peer,"))
        #expect(text.contains("\nplain,peer,,,,0,0.0,0.0,"))
        #expect(!text.contains("L-1"))  // people only
        #expect(added.allSatisfy { $0 != nil })
    }
}
