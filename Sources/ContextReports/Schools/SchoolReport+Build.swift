public import ContextAnalysis
public import ContextModel

extension SchoolReport {
    /// Builds the indicator: a pure function of the graph, the school names, the analysis, the
    /// history and the settings.
    ///
    /// - Parameter schoolNames: each school's display name (schools are institutions, not people;
    ///   only school names are read).
    /// - Complexity: O(V + E + events).
    public init(
        graph: ContextGraph, schoolNames: [EntityIndex: String], analysis: Analysis, history: ReportHistory,
        settings: SchoolSettings
    ) {
        let asOf = analysis.asOf
        let window = analysis.settings.contexts.windowDays
        let strengths = analysis.strengths
        let n = graph.entities.count
        let exposed = Self.withinTwoLinks(graph: graph, analysis: analysis)
        var inCluster = [Bool](repeating: false, count: n)
        for cluster in analysis.clusters.clusters { for member in cluster.members { inCluster[member.int] = true } }
        // Events of each person in the window, by kind.
        var eventsOf: [Int32: [EventKind: Int]] = [:]
        let windowStart = asOf.rawValue - Int32(window)
        for e in 0..<graph.events.count {
            let date = graph.events.dates[e]
            guard date >= windowStart, date <= asOf.rawValue else { continue }
            let kind = graph.events.kinds[e]
            guard kind == .missingEpisode || kind == .weapon || kind == .incident else { continue }
            eventsOf[graph.events.entities[e], default: [:]][kind, default: 0] += 1
        }

        struct Raw {
            let school: Int
            var pupils: [Int] = []
            var levels: [String: Int] = [:]
            var weightedOpen = 0.0
            var exposed = 0
            var events: [String: Int] = [:]
            var eventCount = 0
            var network = 0
            var networkInClusters = 0
        }
        var raws: [Raw] = []
        for s in 0..<n where graph.entities.kinds[s] == .school {
            var raw = Raw(school: s)
            var pupils = Set<Int32>()
            for slot in graph.slots(of: EntityIndex(s)) {
                let link = Int(graph.adjacentLinks[slot])
                let other = graph.adjacentEntities[slot]
                guard graph.links.kinds[link] == .attends, strengths[link] > 0,
                    graph.entities.kinds[Int(other)].isYoungPerson
                else { continue }
                pupils.insert(other)
            }
            raw.pupils = pupils.map(Int.init).sorted()
            var network = Set<Int32>(pupils)
            for pupil in raw.pupils {
                if graph.entities.kinds[pupil] == .child {
                    let level = graph.entities.riskLevels[pupil]
                    raw.levels[level == 0 ? "not_assessed" : String(level), default: 0] += 1
                    raw.weightedOpen += Self.levelWeight(level)
                }
                if exposed[pupil] { raw.exposed += 1 }
                for (kind, count) in eventsOf[Int32(pupil)] ?? [:] {
                    raw.events[kind.name, default: 0] += count
                    raw.eventCount += count
                }
                for slot in graph.slots(of: EntityIndex(pupil)) {
                    let link = Int(graph.adjacentLinks[slot])
                    let other = graph.adjacentEntities[slot]
                    guard graph.links.kinds[link] != .attends, strengths[link] > 0,
                        graph.entities.kinds[Int(other)].isYoungPerson
                    else { continue }
                    network.insert(other)
                }
            }
            raw.network = network.count
            raw.networkInClusters = network.reduce(0) { $0 + (inCluster[Int($1)] ? 1 : 0) }
            raws.append(raw)
        }

        // Borough rates: every school's counts over every school's denominators.
        let totalPupils = Double(raws.reduce(0) { $0 + $1.pupils.count })
        let totalNetwork = Double(raws.reduce(0) { $0 + $1.network })
        func rate(_ count: Double, _ outOf: Double) -> Double { outOf > 0 ? count / outOf : 0 }
        let borough: [String: Double] = [
            "open_to_mace": rate(raws.reduce(0) { $0 + $1.weightedOpen }, totalPupils),
            "exposed": rate(Double(raws.reduce(0) { $0 + $1.exposed }), totalPupils),
            "events": rate(Double(raws.reduce(0) { $0 + $1.eventCount }), totalPupils),
            "cluster_network": rate(Double(raws.reduce(0) { $0 + $1.networkInClusters }), totalNetwork),
        ]
        let m = settings.priorPupils
        let previous = Dictionary(
            (history.previous?.schools ?? []).map { (EntityID($0.school), $0) }, uniquingKeysWith: { first, _ in first }
        )

        var scored: [(raw: Raw, components: [String: Component], score: Double?)] = raws.map { raw in
            let counts: [String: (Double, Int)] = [
                "open_to_mace": (raw.weightedOpen, raw.pupils.count),
                "exposed": (Double(raw.exposed), raw.pupils.count),
                "events": (Double(raw.eventCount), raw.pupils.count),
                "cluster_network": (Double(raw.networkInClusters), raw.network),
            ]
            var components: [String: Component] = [:]
            var weighted = 0.0, weights = 0.0
            for name in Self.componentNames {
                let (count, outOf) = counts[name] ?? (0, 0)
                let p = borough[name] ?? 0
                var ratio: Double?
                if p > 0 {
                    let shrunk = (count + m * p) / (Double(outOf) + m)
                    ratio = shrunk / p
                    let w = settings.weights[name] ?? 0
                    weighted += w * shrunk / p
                    weights += w
                }
                components[name] = Component(count: Self.rounded(count), outOf: outOf, ratio: ratio.map(Self.rounded))
            }
            let score = raw.pupils.isEmpty || weights == 0 ? nil : Self.rounded(weighted / weights)
            return (raw, components, score)
        }
        scored.sort { a, b in
            switch (a.score, b.score) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                return graph.entities.ids[a.raw.school].utf8.lexicographicallyPrecedes(
                    graph.entities.ids[b.raw.school].utf8)
            }
        }
        var schools: [School] = []
        for (position, entry) in scored.enumerated() {
            let raw = entry.raw
            let id = graph.entities.ids[raw.school]
            let rank = entry.score == nil ? nil : position + 1
            let tier = entry.score.map { Self.tier(of: $0, thresholds: settings.tierThresholds) }
            let area = graph.entities.areas[raw.school]
            schools.append(
                School(
                    rank: rank, id: id, name: schoolNames[EntityIndex(raw.school)],
                    area: area >= 0 ? graph.areaNames[Int(area)] : nil, pupilsKnown: raw.pupils.count,
                    openToMace: raw.levels, exposedPupils: raw.exposed, events: raw.events, peerNetwork: raw.network,
                    peerNetworkInClusters: raw.networkInClusters,
                    clusterNetworkShare: raw.network > 0
                        ? Self.rounded(Double(raw.networkInClusters) / Double(raw.network)) : nil,
                    components: entry.components, score: entry.score, tier: tier,
                    tierName: tier.map { Self.tierNames[$0 - 1] },
                    drivers: Self.drivers(
                        raw.pupils.count, levels: raw.levels, exposed: raw.exposed, events: raw.events,
                        network: (raw.network, raw.networkInClusters), components: entry.components,
                        borough: borough, settings: settings, window: window),
                    movement: Self.movement(
                        previous: previous[EntityID(id)], hasHistory: history.previous != nil, rank: rank, tier: tier)))
        }
        self.schemaVersion = ReportEncoding.schemaVersion
        self.marking = "OFFICIAL-SENSITIVE"
        self.asOf = asOf.description
        self.windowDays = window
        self.method =
            "Rates per pupil known, shrunk towards the borough rate with a prior of \(Self.number(m)) pupils, "
            + "divided by the borough rate and averaged with weights "
            + Self.componentNames.map { "\($0) \(Self.number(settings.weights[$0] ?? 0))" }.joined(separator: ", ")
        self.priorPupils = m
        let t = settings.tierThresholds
        self.tiers = (0..<4).map {
            Tier(tier: $0 + 1, name: Self.tierNames[$0], minimumScore: $0 < t.count ? t[$0] : nil)
        }
        self.tierReason = Self.tierReason
        self.boroughRates = borough.mapValues(Self.rounded)
        self.history = "Movement: " + history.note(comparingAsOfAtMost: asOf.description)
        self.schools = schools
    }

    static func levelWeight(_ level: UInt8) -> Double {
        switch level {
        case 4: 1
        case 3: 0.75
        case 2: 0.5
        case 1: 0.25
        default: 0.5
        }
    }

    static func tier(of score: Double, thresholds: [Double]) -> Int {
        for (index, minimum) in thresholds.prefix(3).enumerated() where score >= minimum { return index + 1 }
        return 4
    }

    /// Young people within two links (not `attends`) of a level 3-4 perpetrator or a top hotspot.
    static func withinTwoLinks(graph: ContextGraph, analysis: Analysis) -> [Bool] {
        let n = graph.entities.count
        var depth = [Int8](repeating: -1, count: n)
        var frontier: [Int] = []
        for v in 0..<n
        where graph.entities.kinds[v] == .perpetrator && graph.entities.riskLevels[v] >= 3 {
            depth[v] = 0
            frontier.append(v)
        }
        for scored in analysis.contexts.filter({ $0.score > 0 }).prefix(analysis.settings.contexts.hotspots)
        where depth[scored.context.int] < 0 {
            depth[scored.context.int] = 0
            frontier.append(scored.context.int)
        }
        for level in 1...2 {
            var next: [Int] = []
            for v in frontier {
                for slot in graph.slots(of: EntityIndex(v)) {
                    let link = Int(graph.adjacentLinks[slot])
                    let other = Int(graph.adjacentEntities[slot])
                    guard graph.links.kinds[link] != .attends, analysis.strengths[link] > 0, depth[other] < 0 else {
                        continue
                    }
                    depth[other] = Int8(level)
                    next.append(other)
                }
            }
            frontier = next
        }
        return (0..<n).map { depth[$0] >= 0 && graph.entities.kinds[$0].isYoungPerson }
    }

    static func movement(previous: ReportHistory.SchoolScore?, hasHistory: Bool, rank: Int?, tier: Int?) -> Movement {
        guard hasHistory else {
            return Movement(
                direction: "no history", previousRank: nil, previousTier: nil, previousScore: nil, places: nil)
        }
        guard let previous else {
            return Movement(direction: "new", previousRank: nil, previousTier: nil, previousScore: nil, places: nil)
        }
        let places = rank.map { previous.rank - $0 }
        let direction = places.map { $0 > 0 ? "up" : $0 < 0 ? "down" : "same" } ?? "not scored"
        return Movement(
            direction: direction, previousRank: previous.rank, previousTier: previous.tier,
            previousScore: previous.score, places: places)
    }

    /// Plain-words reasons: the components at least 1.25 times the borough rate, largest first.
    static func drivers(
        _ pupils: Int, levels: [String: Int], exposed: Int, events: [String: Int], network: (Int, Int),
        components: [String: Component], borough: [String: Double], settings: SchoolSettings, window: Int
    ) -> [String] {
        guard pupils > 0 else { return ["No pupils known in the data: not scored."] }
        var lines: [(Double, String)] = []
        for name in componentNames {
            guard let ratio = components[name]?.ratio, ratio >= 1.25 else { continue }
            let times = "\(number(ratio))× the borough rate after allowing for the number of pupils known"
            let text: String
            switch name {
            case "open_to_mace":
                let open = levels.values.reduce(0, +)
                let byLevel = ["4", "3", "2", "1", "not_assessed"].compactMap { key in
                    levels[key].map { key == "not_assessed" ? "\($0) not assessed" : "\($0) at level \(key)" }
                }
                text =
                    "\(open) of \(pupils) pupils known \(open == 1 ? "is" : "are") open to the MACE "
                    + "(\(byLevel.joined(separator: ", "))): \(times)"
            case "exposed":
                text =
                    "\(exposed) of \(pupils) pupils known \(exposed == 1 ? "is" : "are") within two links of a "
                    + "level 3-4 perpetrator or a top hotspot: \(times)"
            case "events":
                let parts = ["missing_episode", "weapon", "incident"].compactMap { kind in
                    events[kind].map {
                        "\($0) \(kind == "missing_episode" ? "missing episode" : kind)\($0 == 1 ? "" : "s")"
                    }
                }
                text = "\(parts.joined(separator: ", ")) involving its pupils in the last \(window) days: \(times)"
            default:
                let share = network.0 > 0 ? Double(network.1) / Double(network.0) : 0
                text =
                    "\(percent(share)) of its pupils' peer network (\(network.1) of \(network.0)) is in a concern "
                    + "cluster, against \(percent(borough[name] ?? 0)) across the borough"
            }
            lines.append((ratio * (settings.weights[name] ?? 0), text))
        }
        var result = lines.sorted { $0.0 > $1.0 }.map(\.1)
        if result.isEmpty { result.append("No component is markedly above the borough rate.") }
        if Double(pupils) < settings.priorPupils {
            result.append(
                "Few pupils known (\(pupils)): the score is pulled towards the borough average until more is known.")
        }
        return result
    }

    static func rounded(_ value: Double) -> Double { (value * 1e4).rounded() / 1e4 }

    static func number(_ value: Double) -> String {
        let r = (value * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
