import ContextAnalysis
import ContextHistory
public import ContextIngest
import ContextMaps
public import ContextModel
import ContextPrivacy
public import ContextReports
import Foundation
import Logging

/// Which reader report `contextd report` makes.
public enum ReportKind: Sendable, Hashable {
    /// `schools.json` and `schools.csv`.
    case schools
    /// `board.json` and `board.html` for a period.
    case board(BoardPeriod)
}

/// What `contextd report` did.
public struct ReportResult: Sendable {
    public let report: ValidationReport
    public let asOf: Day
    /// Paths written, relative to the output folder.
    public let outputs: [String]
    /// What the history said: the earlier run compared with, or that there is none yet.
    public let history: String
    /// Why the scores could not be recorded after the files were committed; `nil` when they were.
    public var historyNotRecorded: String? = nil
}

extension Pipeline {
    /// The state folder (`state.folder`, by default `.contextd-state` in the output folder).
    static func stateFolder(for request: RunRequest) -> String {
        request.configuration.state.folder(forOutput: request.outputFolder)
    }

    /// Opens the history in the state folder and reads what earlier runs left.
    ///
    /// - Parameter asOfAtMost: the latest as-of date an earlier run may have to be compared with.
    func openHistory(for request: RunRequest, asOfAtMost: Day) throws(PipelineError) -> (HistoryStore, ReportHistory) {
        do {
            let store = try HistoryStore(stateFolder: Self.stateFolder(for: request))
            let history = try store.read(asOfAtMost: asOfAtMost.description)
            logger.info(
                "history read",
                metadata: [
                    "history.previous_runs": "\(history.previous == nil ? 0 : 1)",
                    "history.periods": "\(history.periods.count)",
                ])
            if !history.exists { logger.notice("no history exists yet in the state folder") }
            return (store, history)
        } catch {
            throw PipelineError(.outputNotCreatable, error.description)
        }
    }

    /// The reports every run writes: the school risk indicator and the disruption plan.
    func everyRunReports(
        dataset: LoadedDataset, analysis: Analysis, settings: ReportSettings, history: ReportHistory
    ) throws -> (files: [(String, [UInt8])], schools: SchoolReport) {
        let schools = SchoolReport(
            graph: dataset.graph, schoolNames: Self.schoolNames(dataset), analysis: analysis, history: history,
            settings: settings.schools)
        let outcomes = OutcomeMeasures(graph: dataset.graph, analysis: analysis, settings: settings.outcomes)
        let plan = DisruptionPlan(
            graph: dataset.graph, analysis: analysis, outcomes: outcomes, settings: settings.disruption)
        return (
            [
                ("schools.json", try ReportEncoding.json(schools)), ("schools.csv", SchoolTable.csv(schools)),
                ("disruption.json", try ReportEncoding.json(plan)), ("disruption.md", plan.markdown()),
            ], schools
        )
    }

    /// What a run leaves in the history: school, context and cluster scores (contexts by pseudonym).
    static func historyEntry(
        kind: String, analysis: Analysis, schools: SchoolReport, pseudonyms: Pseudonymiser, graph: ContextGraph,
        period: ReportHistory.Period?
    ) -> HistoryEntry {
        let formatter = ISO8601DateFormatter()
        return HistoryEntry(
            kind: kind, recordedAt: formatter.string(from: Date()), asOf: analysis.asOf.description,
            schools: schools.schools.compactMap { school in
                guard let rank = school.rank, let score = school.score, let tier = school.tier else { return nil }
                return ReportHistory.SchoolScore(school: school.id, score: score, rank: rank, tier: tier)
            },
            contexts: analysis.contexts.filter { $0.score > 0 }.prefix(100).enumerated().map {
                ReportHistory.ContextScore(
                    pseudonym: pseudonyms.pseudonym(for: $1.context, in: graph),
                    score: ($1.score * 1e6).rounded() / 1e6,
                    rank: $0 + 1)
            },
            clusters: analysis.clusters.clusters.map {
                ReportHistory.ClusterScore(
                    cluster: $0.stableID, size: $0.members.count,
                    children: $0.countsByKind[Int(EntityKind.child.rawValue)])
            },
            period: period)
    }

    /// School names (schools are institutions: their names are not personal data).
    static func schoolNames(_ dataset: LoadedDataset) -> [EntityIndex: String] {
        var names: [EntityIndex: String] = [:]
        for v in 0..<dataset.graph.entities.count where dataset.graph.entities.kinds[v] == .school {
            if let label = dataset.personal.labels[v] { names[EntityIndex(v)] = label.revealed }
        }
        return names
    }

    /// `contextd report schools|board`: loads and analyses the dataset, writes the report's files
    /// atomically into the output folder, and records its scores in the history.
    ///
    /// - Throws: ``IngestError`` (data missing or rejected), ``PipelineError`` (outputs or state
    ///   cannot be written, the map cannot be drawn).
    public func report(_ kind: ReportKind, request: RunRequest) async throws -> ReportResult {
        var request = request
        if case .board(let period) = kind { request.configuration.asOf = period.end }
        let prepared = try prepare(request)
        request = prepared.request
        let config = request.configuration
        let (asOf, dataset, analysis) = (prepared.asOf, prepared.dataset, prepared.analysis)
        // A board compares with the state at the end of the period before; other reports with the
        // latest run as of their date or earlier.
        var compareWith = asOf
        if case .board(let period) = kind { compareWith = period.start.adding(days: -1) }
        let (store, history) = try openHistory(for: request, asOfAtMost: compareWith)
        let pseudonyms = try pseudonymiser(config, request.outputFolder)
        let schools = SchoolReport(
            graph: dataset.graph, schoolNames: Self.schoolNames(dataset), analysis: analysis, history: history,
            settings: config.reports.schools)
        var transaction = OutputTransaction(folder: request.outputFolder)
        var period: ReportHistory.Period?
        switch kind {
        case .schools:
            transaction.add("schools.json", try ReportEncoding.json(schools))
            transaction.add("schools.csv", SchoolTable.csv(schools))
        case .board(let boardPeriod):
            let outcomes = OutcomeMeasures(graph: dataset.graph, analysis: analysis, settings: config.reports.outcomes)
            let board = BoardReport(
                graph: dataset.graph, analysis: analysis, period: boardPeriod, history: history, outcomes: outcomes,
                settings: config.reports.board, pseudonyms: pseudonyms)
            let map = try await boardMap(board: board, analysis: analysis)
            transaction.add("board.json", try ReportEncoding.json(board))
            transaction.add("board.html", BoardHTML.render(board, mapSVG: map))
            let open = dataset.graph.entities.kinds.reduce(0) { $0 + ($1 == .child ? 1 : 0) }
            period = ReportHistory.Period(period: boardPeriod.label, measures: ["children_open": open])
        }
        let outputs = transaction.staged.map(\.path)
        Self.updateManifest(in: &transaction)
        try transaction.commit()
        let entry = Self.historyEntry(
            kind: kind == .schools ? "report schools" : "report board", analysis: analysis, schools: schools,
            pseudonyms: pseudonyms, graph: dataset.graph, period: period)
        let historyNotRecorded = recordHistoryAfterCommit { () throws(PipelineError) in
            do throws(HistoryError) {
                _ = try store.record(entry)
            } catch {
                throw PipelineError(.outputNotCreatable, error.description)
            }
        }
        logger.info("report written", metadata: ["output.files": "\(outputs.count)"])
        return ReportResult(
            report: dataset.report, asOf: asOf, outputs: outputs,
            history: history.note(comparingAsOfAtMost: compareWith.description), historyNotRecorded: historyNotRecorded)
    }

    /// The board's map (``BoardMap``), drawn to SVG.
    func boardMap(board: BoardReport, analysis: Analysis) async throws(PipelineError) -> [UInt8]? {
        let clusters = board.clusters.map {
            BoardMap.Cluster(
                pseudonym: $0.pseudonym, sizeBand: $0.sizeBand, children: $0.children.value.map(String.init) ?? "[c]",
                highestLevel: $0.highestLevel)
        }
        guard
            let spec = BoardMap.spec(
                clusters: analysis.clusters, board: clusters, marking: BoardReport.markingLine,
                period: board.period.label, asOf: analysis.asOf)
        else { return nil }
        do {
            return try await GraphvizRenderer.shared.render(spec, formats: [.svg])[.svg]
        } catch {
            throw PipelineError(.renderFailed, "board map could not be rendered: \(error)")
        }
    }
}

extension Pipeline {
    /// Records a run's scores after its outputs are committed.
    func recordHistory(
        _ store: HistoryStore, kind: String, analysis: Analysis, schools: SchoolReport, request: RunRequest,
        graph: ContextGraph
    ) throws(PipelineError) {
        let entry = Self.historyEntry(
            kind: kind, analysis: analysis, schools: schools,
            pseudonyms: try pseudonymiser(request.configuration, request.outputFolder), graph: graph,
            period: nil)
        do {
            try store.record(entry)
        } catch {
            throw PipelineError(.outputNotCreatable, error.description)
        }
    }

    /// Into a run's folder (a `manifest.json` there), the manifest is rewritten with the
    /// transaction's files and their new hashes, in the same commit.
    static func updateManifest(in transaction: inout OutputTransaction) {
        if let current = FileManager.default.contents(atPath: transaction.folder + "/manifest.json"),
            let updated = Manifest.updated([UInt8](current), adding: transaction.staged)
        {
            transaction.add("manifest.json", updated)
        }
    }

    /// Records scores once the outputs are committed. A failure there cannot undo the commit, so
    /// it is reported, not thrown: logged as a warning and returned (the CLI exits 75).
    func recordHistoryAfterCommit(_ record: () throws(PipelineError) -> Void) -> String? {
        do {
            try record()
            return nil
        } catch {
            logger.warning("history not recorded; the outputs were committed", metadata: ["error": "\(error.code)"])
            return error.description
        }
    }

    static func historyNote(_ history: ReportHistory, asOf: Day) -> String {
        history.note(comparingAsOfAtMost: asOf.description)
    }
}
