import ContextAnalysis
import ContextIngest
import ContextMaps
import ContextModel
import ContextReports

// Every key of the run configuration, declared once, in the order of the documented file
// (`Config/contextd.yaml`, which `contextd config` prints from these declarations).

extension RunConfiguration {
    /// Every key, in the order of the printed file.
    public static let keys: [ConfigKey] =
        general + strengthKeys + neighbourhoodKeys + clusterKeys + contextKeys + peopleKeys + notReferredKeys
        + mapKeys + stateKeys + reportKeys + limitKeys

    /// The comment printed above each section.
    public static let sectionDocs: [String: String] = [
        "validation": "",
        "strength": """
        How strong a link is as evidence of association:
          strength = (weight / 5) x confidence(intelligence) x reliability(source) x 2^(-age / half_life)
        where age is the days from last_seen (else first_seen) to the as-of date. Links graded E
        (suspected false) are always left out. `contextd explain --link A B` prints one link's factors.
        """,
        "neighbourhood": """
        The concern neighbourhood: everyone and everything within `hops` links of a child open to the
        MACE or a perpetrator at MACE level 3-4. Clusters are found inside it. One hop: on the shipped
        sample, two hops bring 55% of the borough (2,216 of 4,000 entities) into clusters of up to 436,
        too large to discuss in a meeting; one hop gives 13 clusters of 9 to 110.
        """,
        "contexts": """
        Context risk: every location and school gets a score = sum of weight x component, with the
        components listed in network.json. The top `hotspots` are the hotspots. Weights were chosen so
        that a place where children and perpetrators meet (co-presence, level 3-4 people, missing
        children found there) always outranks a busy place of ordinary peers, whose only component is
        the propagated risk (0-10, personalised PageRank from level-4 perpetrators and level 3-4
        children scaled so the most reached context is 10).
        """,
        "people": "Network measures of people (degree, weighted degree, betweenness, PageRank, core number).",
        "not_referred": """
        Peers not open to the MACE whose exposure (exploits links, level 3-4 perpetrators, hotspots,
        missing episodes, cluster membership, propagated risk) reaches the `quantile` of the exposure
        of children who are, and at least `minimum_exposure`: "possibly at risk, not referred".
        """,
        "maps.clusters": "Maps per concern cluster, maps/clusters/<cluster id>.* (ids as in network.json).",
        "maps.focus": """
        Maps of `contextd map --child ID` and `--context ID` (maps/child-<token>.*, where <token>
        is a keyed hash of the id, never the id). `--depth` overrides depth.
        """,
        "state": "What outlives a run: the map cache and the pseudonymisation key.",
        "reports": """
        The reports made for each reader: the school risk indicator (schools.json, schools.csv), the
        board summary (board.json, board.html, from `contextd report board`), the disruption plan
        (disruption.json, disruption.md) with outcome measures.
        """,
        "limits": """
        Sizes beyond which a dataset is refused whatever the validation policy (exit 65, the message
        names the file, and the line and column where they apply). The defaults protect a 24 GiB
        machine: a run peaks at 240 to 300 bytes per row (1,000,000 entities and 5,300,000 links load
        in about 1.4 GiB; 100,000 entities and 532,561 links run in 183 MiB), so two files at the row
        limit need about 12 GB.
        """,
    ]

    static let general: [ConfigKey] = [
        ConfigKey(
            "as_of", \.asOf, type: "date YYYY-MM-DD, or empty",
            doc: """
                The date the analysis is "as of" (YYYY-MM-DD). Empty means today (UTC); `--as-of` overrides it.
                Links first seen after this date are left out, so a past date reproduces a past state.
                The shipped sample's data runs up to 2024-09-30.
                """,
            parse: { (node, reader, key) throws(ConfigurationError) in
                guard !reader.isNull(node) else { return nil }
                let text = try reader.string(node, key)
                guard let day = Day(iso: text) else {
                    throw reader.error(node, key, "'\(text)' is not a real date in the form YYYY-MM-DD")
                }
                return day
            },
            render: { $0.map { .text($0.description) } ?? .null }),
        .choice(
            "validation.policy", \.policy, of: [.strict, .lenient],
            """
            strict: any error in the data rejects the whole dataset and nothing is written (the default).
            lenient: rows with errors are set aside, listed in manifest.json, and the run goes on.
            `--lenient` on the command line sets lenient whatever this says.
            """),
    ]

    static let strengthKeys: [ConfigKey] = [
        .number(
            "strength.half_life_days", \.analysis.strength.halfLifeDays, in: 0...36_500,
            """
            Days after which a link counts half as much. 180 days: the MACE review cycle in the source
            documents is monthly to quarterly, and intelligence half a year old is still worth half.
            """),
        .numbers(
            "strength.intelligence_confidence", \.analysis.strength.intelligenceConfidence, count: 4, in: 0...1,
            """
            Confidence by intelligence assessment A (known directly), B (indirectly, corroborated),
            C (indirectly), D (not known).
            """),
        .number(
            "strength.ungraded_confidence", \.analysis.strength.ungradedConfidence, in: 0...1,
            "Confidence of a link with no grading (as C)."),
        .numbers(
            "strength.source_reliability", \.analysis.strength.sourceReliability, count: 3, in: 0...1,
            "Reliability by source evaluation 1 (reliable), 2 (untested), 3 (not reliable)."),
        .number(
            "strength.ungraded_reliability", \.analysis.strength.ungradedReliability, in: 0...1,
            "Reliability of a link with no grading (as untested)."),
        .number(
            "strength.undated_recency", \.analysis.strength.undatedRecency, in: 0...1,
            "Recency factor of a link with neither first_seen nor last_seen."),
    ]

    static let neighbourhoodKeys: [ConfigKey] = [
        .int("neighbourhood.hops", \.analysis.neighbourhood.hops, in: 1...10, "Links walked out from each seed."),
        .bool(
            "neighbourhood.expand_through_contexts", \.analysis.neighbourhood.expandThroughContexts,
            """
            false: places, schools and groups are reached but not walked through (unless at
            context_minimum_risk or above), so a school or a busy shopping centre does not pull half a
            borough into the neighbourhood. true: walk through everything.
            """),
        .int(
            "neighbourhood.context_minimum_risk", \.analysis.neighbourhood.contextMinimumRiskLevel, in: 1...4,
            "MACE level from which a place, school or group is walked through."),
    ]

    static let clusterKeys: [ConfigKey] = [
        .names(
            "clusters.link_kinds", \.analysis.clusters.linkKinds, of: LinkKind.allCases, name: \.name,
            """
            Link kinds the communities are found on. `attends` is left out: sharing a school does not
            make two children associates; schools are reported as shared contexts instead.
            """),
        .int(
            "clusters.minimum_cluster_size", \.analysis.clusters.minimumClusterSize, in: 1...1_000_000,
            "Communities smaller than this are not reported; their children are listed as unclustered."),
        .number(
            "clusters.resolution", \.analysis.clusters.resolution, in: 0.01...100,
            "Leiden modularity resolution: above 1 finds smaller clusters, below 1 larger ones."),
        .int(
            "clusters.seed", \.analysis.clusters.seedValue, in: 0...Int.max,
            "Seed of Leiden's random choices: same data, settings and seed give the same clusters."),
        .number(
            "clusters.match_threshold", \.analysis.clusters.identities.threshold, in: 0.01...1,
            """
            A cluster keeps its id from the previous run in the same output folder when the Jaccard
            overlap of members is at least match_threshold; merges and splits are reported when at
            least match_involvement of a cluster's members went into another.
            """),
        .number(
            "clusters.match_involvement", \.analysis.clusters.identities.involvement, in: 0.01...1,
            "See match_threshold."),
    ]

    static let contextKeys: [ConfigKey] = [
        .int(
            "contexts.window_days", \.analysis.contexts.windowDays, in: 1...3650,
            "Days before the as-of date in which events at a place count."),
        .number(
            "contexts.minimum_strength", \.analysis.contexts.minimumStrength, in: 0...1,
            "Links weaker than this (stale or weak intelligence) do not count towards the components."),
        .int("contexts.hotspots", \.analysis.contexts.hotspots, in: 0...10_000, "How many top contexts are hotspots."),
        .weights(
            "contexts.weights", \.analysis.contexts.weights, names: ContextScoring.componentNames, in: 0...1000,
            "Weight of each component of the score."),
    ]

    static let peopleKeys: [ConfigKey] = [
        .int(
            "people.betweenness_exact_limit", \.analysis.people.betweennessExactLimit, in: 0...10_000_000,
            """
            Betweenness is exact in components up to this many entities, and estimated from
            `betweenness_pivots` sampled sources above (the sample size is reported). 64 pivots keep a
            1,000,000-entity borough's people stage to about ten seconds on two cores; the estimate
            ranks the strongest brokers reliably, the weak ones less so.
            """),
        .int(
            "people.betweenness_pivots", \.analysis.people.betweennessPivots, in: 1...1_000_000,
            "Sampled sources of the betweenness estimate."),
    ]

    static let notReferredKeys: [ConfigKey] = [
        .number(
            "not_referred.minimum_exposure", \.analysis.notReferred.minimumExposure, in: 0...1000,
            "The least exposure that is flagged, whatever the quantile."),
        .number(
            "not_referred.quantile", \.analysis.notReferred.quantile, in: 0...1,
            "Quantile of the exposure of children open to the MACE that a peer must reach."),
        .int(
            "not_referred.window_days", \.analysis.notReferred.windowDays, in: 1...3650,
            "Days before the as-of date in which missing episodes count."),
    ]
}

extension RunConfiguration {
    static let mapKeys: [ConfigKey] = [
        .bool("maps.clusters.enabled", \.maps.clusters, "Draw a map of every concern cluster on every run."),
        .names(
            "maps.clusters.formats", \.maps.clusterFormats, of: MapFormat.allCases, name: \.rawValue,
            atLeastOne: "format",
            "Formats of the cluster maps: svg, dot, png, pdf."),
        .int(
            "maps.focus.depth", \.maps.map.depth, in: 1...6,
            """
            Links walked out from the subject. Places and schools are reached but not walked
            through (unless a place is at neighbourhood.context_minimum_risk or above).
            """),
        .names(
            "maps.focus.formats", \.maps.focusFormats, of: MapFormat.allCases, name: \.rawValue, atLeastOne: "format",
            "Formats of child and place maps."),
        .int(
            "maps.max_nodes", \.maps.map.maxNodes, in: 1...5_000,
            """
            The most nodes on a cluster or focus map; beyond it the nearest and most strongly linked
            are kept, and the map says how many were left out. 150 stays legible on one page.
            """),
        .int(
            "maps.max_links", \.maps.map.style.maxLinks, in: 1...100_000,
            """
            The most links drawn on any map (the overview included); beyond it the strongest are kept,
            exploitation first, and the map says how many were left out. Nodes alone do not bound a
            layout's cost: a complete graph on 2,000 nodes took 106 s and 3 GiB to lay out.
            """),
        .int(
            "maps.stale_days", \.maps.map.staleDays, in: 1...36_500,
            "Links not seen for more than this many days before the as-of date are drawn faint."),
        .choice(
            "maps.engine", \.maps.map.engine, of: LayoutEngine.allCases,
            """
            Layout engine of cluster and focus maps: auto, dot, neato, fdp, sfdp or twopi.
            auto: twopi (radial) for child and place maps, the subject in the centre; dot up to
            dot_node_limit nodes; fdp (which boxes the clusters) up to slow_engine_node_limit when the
            map has clusters; sfdp (force-directed, overlap removal) otherwise.
            """),
        .int(
            "maps.dot_node_limit", \.maps.map.style.dotNodeLimit, in: 1...2_000,
            """
            dot's ranks read well for a handful of nodes but spread a cyclic network of a hundred into
            a long, wide band; sfdp draws such clusters compactly.
            """),
        .int(
            "maps.slow_engine_node_limit", \.maps.map.style.slowEngineNodeLimit, in: 1...5_000,
            """
            dot, neato and fdp take minutes on a few thousand nodes; above this many nodes sfdp is used
            instead, even when one of them is asked for, and the map says so.
            """),
        .bool(
            "maps.pseudonymised", \.maps.pseudonymised,
            """
            Also write every map of a run pseudonymised under maps/pseudonymised/: people and places
            as keyed pseudonyms (CHILD-7Q3K9MX2ABCD, a place with its category), never names, dates of
            birth or ids. The key is privacy.key_file.
            """),
        .bool(
            "maps.cache", \.maps.cache,
            "Reuse a map drawn before when its content (everything on it) has not changed."),
        .bool("maps.overview.enabled", \.overview.enabled, "Draw maps/overview.* at all."),
        .int(
            "maps.overview.max_nodes", \.overview.maxNodes, in: 1...50_000,
            """
            Above this many entities in clusters, draw a condensed map (one node per cluster) instead,
            and say so on the map. Graphviz lays out about 2,000 nodes with sfdp in a second or two.
            """),
        .choice(
            "maps.overview.engine", \.overview.engine, of: [.auto, .dot, .neato, .fdp, .sfdp],
            "Layout engine: auto (dot for small maps, sfdp above), dot, neato, fdp or sfdp."),
        .names(
            "maps.overview.formats", \.overview.formats, of: MapFormat.allCases, name: \.rawValue, atLeastOne: "format",
            "Any of svg, dot, png, pdf."),
    ]

    static let stateKeys: [ConfigKey] = [
        .optionalPath("state.folder", \.state.folder, "Empty: .contextd-state inside the output folder."),
        .optionalPath(
            "privacy.key_file", \.state.keyFile,
            """
            The HMAC-SHA-256 key of the pseudonyms: 64 hexadecimal digits, owner-only (0600). Made on
            first use; a key file readable by others, a symbolic link or a broken key stops the run
            (exit 78). Keep it: a new key gives every entity a new pseudonym.
            Empty: pseudonym.key in the state folder.
            """),
    ]

    static let reportKeys: [ConfigKey] = [
        .number(
            "reports.schools.prior_pupils", \.reports.schools.priorPupils, in: 0...100_000,
            """
            Rates per pupil known are pulled towards the borough rate as if the school had this many
            more pupils at the borough rate (empirical-Bayes shrinkage): a school with 3 pupils known
            moves at most 3/33 of the way from the borough rate, so it is not ranked first by chance.
            """),
        .numbers(
            "reports.schools.tier_thresholds", \.reports.schools.tierThresholds, count: 3, in: 0...1000,
            decreasing: "expected three decreasing numbers (tiers 1, 2 and 3)",
            """
            Lowest score of tiers 1, 2 and 3 (the score is a multiple of the borough rate; below the
            last is tier 4). Ratios rather than quartiles: a quartile always calls a quarter of schools
            'highest' even where all are alike. 2x the borough rate or more: tier 1, first for a school
            navigator and staff training; 1.25-2x: tier 2, a closer look; 0.75-1.25x: tier 3, the
            ordinary spread; below: tier 4.
            """),
        .weights(
            "reports.schools.weights", \.reports.schools.weights, names: SchoolReport.componentNames, in: 0...1000,
            """
            Weight of each component of the score: pupils open to the MACE (by level), pupils within two
            links of a level 3-4 perpetrator or a top hotspot, missing/weapon/incident events of pupils
            in the contexts window, share of the pupils' peer network in a concern cluster.
            """),
        .int(
            "reports.board.suppression_threshold", \.reports.board.suppressionThreshold, in: 1...100,
            """
            Counts of children or episodes from 1 to this are suppressed, with secondary suppression so
            that none can be worked out from the totals. 5 is the usual threshold for published
            statistics about children.
            """),
        .int(
            "reports.board.previous_periods", \.reports.board.previousPeriods, in: 0...24,
            "Earlier periods shown in the trend."),
        .int(
            "reports.board.hotspots", \.reports.board.hotspots, in: 0...100,
            "Hotspots listed (by category, area and pseudonym)."),
        .int(
            "reports.outcomes.window_days", \.reports.outcomes.windowDays, in: 1...365,
            "Days before and after each action in actions.csv that are compared (6 weeks)."),
        .int(
            "reports.outcomes.minimum_observations", \.reports.outcomes.minimumObservations, in: 0...10_000,
            """
            Fewer linked children plus events than this, both windows together, and the action is
            reported as 'too little data to judge'.
            """),
        .textLists(
            "reports.disruption_actions", \.reports.disruption.actions, names: DisruptionActions.targetKinds,
            """
            Suggested actions by kind of disruption target: a location category, or perpetrator, peer,
            group or school ('location' is used for a category not listed).
            """),
    ]

    static let limitKeys: [ConfigKey] = [
        .int(
            "limits.file_bytes", \.limits.fileBytes, in: 1...Int.max,
            "Largest input file, in bytes (2 GiB); a larger one is refused before it is read."),
        .int("limits.rows_per_file", \.limits.rowsPerFile, in: 1...Int(Int32.max), "Most data rows in one file."),
        .int(
            "limits.field_bytes", \.limits.fieldBytes, in: 1...Int.max,
            "Longest field, in bytes as written (64 KiB)."),
        .int("limits.columns", \.limits.columns, in: 1...1_000_000, "Most columns in one file's header."),
    ]
}

extension ConcernNeighbourhood {
    /// ``contextMinimumRisk`` as the configuration's whole number.
    var contextMinimumRiskLevel: Int {
        get { Int(contextMinimumRisk) }
        set { contextMinimumRisk = UInt8(clamping: newValue) }
    }
}

extension ConcernRules {
    /// ``seed`` as the configuration's whole number (0 to `Int.max`).
    var seedValue: Int {
        get { Int(clamping: seed) }
        set { seed = UInt64(clamping: newValue) }
    }
}
