public import ContextAnalysis
public import ContextModel
public import ContextPrivacy

/// How people and places are named on a map.
public enum MapNaming: Sendable {
    /// The analyst's map (OFFICIAL-SENSITIVE): an entity's label from the data if it has one,
    /// otherwise its id.
    case identified(PersonalData)
    /// The map to share: every entity as its keyed pseudonym (``Pseudonymiser``), a place with
    /// its category; never a name, a date of birth or a raw id.
    case pseudonymised(Pseudonymiser)

    /// Whether names are replaced by pseudonyms.
    public var isPseudonymised: Bool {
        if case .pseudonymised = self { return true }
        return false
    }
}

/// Everything a map builder reads: the graph, the analysis, how to name entities, and the
/// drawing settings shared by every kind of map.
public struct MapData: Sendable {
    public let graph: ContextGraph
    public let analysis: Analysis
    public let naming: MapNaming
    public let settings: MapSettings
    /// Each context's band among all contexts by score ("top 5%"), by entity.
    let contextBand: [EntityIndex: String]
    /// Each entity's band among all entities by propagated risk, `nil` below the top quarter.
    let riskBand: [String?]

    public init(graph: ContextGraph, analysis: Analysis, naming: MapNaming, settings: MapSettings = MapSettings()) {
        self.graph = graph
        self.analysis = analysis
        self.naming = naming
        self.settings = settings
        var bands: [EntityIndex: String] = [:]
        let contexts = analysis.contexts
        var tieStart = 0
        for (offset, score) in contexts.enumerated() where score.score > 0 {
            if offset > 0, contexts[offset - 1].score != score.score { tieStart = offset }
            if let band = Self.band(position: tieStart, of: contexts.count) { bands[score.context] = band }
        }
        contextBand = bands
        let propagated = analysis.propagated
        let order = propagated.indices.filter { propagated[$0] > 0 }.sorted {
            propagated[$0] != propagated[$1] ? propagated[$0] > propagated[$1] : $0 < $1
        }
        var riskBand = [String?](repeating: nil, count: propagated.count)
        tieStart = 0
        for (position, entity) in order.enumerated() {
            if position > 0, propagated[order[position - 1]] != propagated[entity] { tieStart = position }
            riskBand[entity] = Self.band(position: tieStart, of: propagated.count)
        }
        self.riskBand = riskBand
    }

    /// "top 1%", "top 5%", "top 10%" or "top 25%" for a 0-based position among `count`, or
    /// `nil` below. Tooltips show bands rather than raw scores: propagated risk is shared across
    /// the whole graph, so a raw value on one cluster's map would change with every unrelated
    /// link elsewhere and defeat the redraw cache, while a band changes only when it means
    /// something.
    static func band(position: Int, of count: Int) -> String? {
        guard count > 0 else { return nil }
        let share = Double(position + 1) / Double(count)
        for limit in [1, 5, 10, 25] where share <= Double(limit) / 100 { return "top \(limit)%" }
        return nil
    }

    /// The marking on the first title line.
    var marking: String { naming.isPseudonymised ? "OFFICIAL-SENSITIVE (pseudonymised)" : "OFFICIAL-SENSITIVE" }

    /// A node for an entity: its label by ``naming``, and a tooltip with kind, MACE level,
    /// exploitation types, cluster and key scores (never a date of birth or a note).
    func node(for entity: EntityIndex) -> MapSpec.Node {
        let graph = graph
        let kind = graph.entities.kinds[entity.int]
        let risk = graph.entities.riskLevels[entity.int]
        let category = LocationCategory(rawValue: graph.entities.categories[entity.int])
        let label: String
        switch naming {
        case .identified(let personal):
            let name = personal.labels.indices.contains(entity.int) ? personal.labels[entity.int]?.revealed : nil
            label = name.flatMap { $0.isEmpty ? nil : $0 } ?? graph.id(of: entity)
        case .pseudonymised(let pseudonymiser):
            let pseudonym = pseudonymiser.pseudonym(forEntity: graph.id(of: entity), kind: kind)
            label = category.map { "\(pseudonym)\n\($0.name.replacingUnderscores)" } ?? pseudonym
        }
        var facts = [kind.name, OverviewMap.riskText(risk)]
        if let category, kind == .location { facts.append(category.name.replacingUnderscores) }
        let exploitation = graph.entities.exploitation[entity.int]
        if !exploitation.isEmpty { facts.append(exploitation.names.joined(separator: ", ")) }
        if let cluster = analysis.clusters.stableID(of: entity) { facts.append("cluster \(cluster)") }
        let people = analysis.people
        facts.append("links \(people.degree[entity.int])")
        if kind.isPerson, people.betweenness[entity.int] > 0 {
            facts.append("betweenness \(Self.decimal(people.betweenness[entity.int], places: 4))")
        }
        if let band = contextBand[entity] { facts.append("context score \(band) of places and schools") }
        if let band = riskBand[entity.int] { facts.append("propagated risk \(band)") }
        return MapSpec.Node(label: label, tooltip: facts.joined(separator: " · "), kind: kind, riskLevel: risk)
    }

    /// An edge for a link between two drawn nodes, or `nil` when the link carries no strength
    /// (graded E, or first seen after the as-of date): such links are never drawn.
    func edge(for link: Int, from: Int, to: Int) -> MapSpec.Edge? {
        let strength = analysis.strengths[link]
        guard strength > 0 else { return nil }
        let links = graph.links
        let kind = links.kinds[link]
        let seen = links.lastSeen[link] != Day.noneRaw ? links.lastSeen[link] : links.firstSeen[link]
        let stale = seen != Day.noneRaw && Int(analysis.asOf.rawValue) - Int(seen) > settings.staleDays
        return MapSpec.Edge(
            from: from, to: to, kind: kind, penWidth: MapStyle.penWidth(forStrength: strength),
            faint: stale || OverviewMap.isWeaklyEvidenced(links.grading(link)), directed: kind.isDirected)
    }

    /// The edges among drawn nodes (`nodeOf[entity]` is the node index or -1), each link once.
    func edges(among nodeOf: [Int32], entities: [EntityIndex]) -> [MapSpec.Edge] {
        var edges: [MapSpec.Edge] = []
        for entity in entities {
            let from = nodeOf[entity.int]
            guard from >= 0 else { continue }
            for slot in graph.slots(of: entity) {
                let link = Int(graph.adjacentLinks[slot])
                // Each link is seen from both ends; keep it at its source.
                guard graph.links.sources[link] == entity.rawValue else { continue }
                let to = nodeOf[Int(graph.links.targets[link])]
                guard to >= 0, let edge = edge(for: link, from: Int(from), to: Int(to)) else { continue }
                edges.append(edge)
            }
        }
        return edges
    }

    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(abs(scaled) - abs(Double(whole)) * scale)
        guard places > 0 else { return String(whole) }
        let digits = String(fraction)
        return
            "\(value < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: places - digits.count))\(digits)"
    }
}

extension String {
    /// `licensed_premises` as `licensed premises`.
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
