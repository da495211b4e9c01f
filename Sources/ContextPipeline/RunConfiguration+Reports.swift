import ContextReports
import Yams

extension RunConfiguration {
    /// Parses `reports:` (schools, board, outcomes, disruption actions).
    static func parseReports(_ node: Node, _ reader: ConfigReader, into settings: inout ReportSettings)
        throws(ConfigurationError)
    {
        let section = try reader.mapping(
            node, "reports", allowed: ["schools", "board", "outcomes", "disruption_actions"])
        if let node = section["schools"] {
            let schools = try reader.mapping(
                node, "reports.schools", allowed: ["prior_pupils", "tier_thresholds", "weights"])
            if let node = schools["prior_pupils"] {
                settings.schools.priorPupils = try reader.double(node, "reports.schools.prior_pupils", in: 0...100_000)
            }
            if let node = schools["tier_thresholds"] {
                let key = "reports.schools.tier_thresholds"
                let values = try reader.doubles(node, key, count: 3, in: 0...1000)
                guard values[0] > values[1] && values[1] > values[2] else {
                    throw reader.error(node, key, "expected three decreasing numbers (tiers 1, 2 and 3)")
                }
                settings.schools.tierThresholds = values
            }
            if let node = schools["weights"] {
                let weights = try reader.mapping(node, "reports.schools.weights", allowed: SchoolReport.componentNames)
                for (name, value) in weights {
                    settings.schools.weights[name] = try reader.double(
                        value, "reports.schools.weights.\(name)", in: 0...1000)
                }
            }
        }
        if let node = section["board"] {
            let board = try reader.mapping(
                node, "reports.board", allowed: ["suppression_threshold", "previous_periods", "hotspots"])
            if let node = board["suppression_threshold"] {
                settings.board.suppressionThreshold = try reader.int(
                    node, "reports.board.suppression_threshold", in: 1...100)
            }
            if let node = board["previous_periods"] {
                settings.board.previousPeriods = try reader.int(node, "reports.board.previous_periods", in: 0...24)
            }
            if let node = board["hotspots"] {
                settings.board.hotspots = try reader.int(node, "reports.board.hotspots", in: 0...100)
            }
        }
        if let node = section["outcomes"] {
            let outcomes = try reader.mapping(
                node, "reports.outcomes", allowed: ["window_days", "minimum_observations"])
            if let node = outcomes["window_days"] {
                settings.outcomes.windowDays = try reader.int(node, "reports.outcomes.window_days", in: 1...365)
            }
            if let node = outcomes["minimum_observations"] {
                settings.outcomes.minimumObservations = try reader.int(
                    node, "reports.outcomes.minimum_observations", in: 0...10_000)
            }
        }
        if let node = section["disruption_actions"] {
            let mapping = try reader.mapping(node, "reports.disruption_actions", allowed: DisruptionActions.targetKinds)
            for (kind, value) in mapping {
                let key = "reports.disruption_actions.\(kind)"
                guard case .sequence(let items) = value else {
                    throw reader.error(value, key, "expected a list of suggested actions")
                }
                var actions: [String] = []
                for item in items { actions.append(try reader.string(item, key)) }
                settings.disruption.actions[kind] = actions
            }
        }
    }
}
