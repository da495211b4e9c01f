public import ContextAnalysis
public import ContextModel

/// `people.csv`: every person in the dataset with their network measures, for MACE analysts
/// (identifiable; `network.json` lists only the people in the concern neighbourhood).
///
/// Columns: `id, kind, risk_level, cluster, hops_from_seed, degree, weighted_degree, betweenness,
/// pagerank, core_number`. RFC 4180: a field holding a comma, quote, CR or LF is quoted with
/// doubled quotes; a field that a spreadsheet would read as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or CR) is prefixed with `'`, so an id can never run as a formula.
public enum PeopleTable {
    /// The table's bytes.
    ///
    /// - Complexity: O(V).
    public static func csv(graph: ContextGraph, analysis: Analysis) -> [UInt8] {
        let metrics = analysis.people
        var out: [UInt8] = []
        out.reserveCapacity(graph.entities.count * 64)
        out.append(
            contentsOf:
                "id,kind,risk_level,cluster,hops_from_seed,degree,weighted_degree,betweenness,pagerank,core_number\n"
                .utf8)
        for v in 0..<graph.entities.count where graph.entities.kinds[v].isPerson {
            let level = graph.entities.riskLevels[v]
            let fields = [
                graph.entities.ids[v], graph.entities.kinds[v].name, level == 0 ? "" : String(level),
                analysis.clusters.stableID(of: EntityIndex(v)) ?? "",
                analysis.distances[v] >= 0 ? String(analysis.distances[v]) : "", String(metrics.degree[v]),
                number(metrics.weightedDegree[v]), number(metrics.betweenness[v]),
                number(metrics.pageRank[v], digits: 9),
                String(metrics.coreNumber[v]),
            ]
            CSVText.appendRecord(fields, to: &out)
        }
        return out
    }

    static func number(_ value: Double, digits: Double = 6) -> String {
        let scale = pow10(digits)
        return String((value * scale).rounded() / scale)
    }

    private static func pow10(_ digits: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(digits) { result *= 10 }
        return result
    }
}
