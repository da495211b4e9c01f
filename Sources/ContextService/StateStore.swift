import ContextFiles
import ContextPipeline
import Foundation
import Logging

/// The service's small state files in each dataset's state folder, each written durably and
/// atomically through ``ContextFiles/Folder/write(_:_:)`` (temporary file, fsync, rename, fsync
/// of the folder; 0600 in a 0700 folder) by this one actor:
///
/// - `watch.json`: the snapshot of the files the last watched run started on;
/// - `jobs.json`: when each scheduled job last fired (for jobs missed while the service was down);
/// - `validation.json` / `validation.txt`: the last run's validation report (every error and
///   warning as `FILE:LINE:COLUMN: SEVERITY: MESSAGE`; never a personal-data value).
actor StateStore {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    struct JobRecords: Codable, Sendable {
        /// Job name to the instant it last fired (seconds since 1970).
        var lastFired: [String: Double] = [:]
        /// Job name to when the service first scheduled it (its times are counted from then
        /// until it first fires).
        var scheduledSince: [String: Double]?
    }

    func read<T: Decodable>(_ type: T.Type, _ name: String, in folder: String) -> T? {
        guard let contents = try? Folder.open(folder).readIfPresent(name) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(contents.bytes))
    }

    func write<T: Encodable>(_ value: T, _ name: String, in folder: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let bytes = [UInt8](try encoder.encode(value))
            try write(files: [(name, bytes)], in: folder)
        } catch {
            logger.error("state file not written", metadata: ["state.file": "\(name)", "error": "\(error)"])
        }
    }

    func write(files: [(String, [UInt8])], in folder: String) throws {
        let state = try Folder.create(folder).folder
        for (name, bytes) in files { try state.write(name, bytes) }
    }

    func jobRecords(in folder: String) -> JobRecords {
        read(JobRecords.self, "jobs.json", in: folder) ?? JobRecords()
    }

    func recordScheduledSince(job: String, at instant: Date, in folder: String) {
        var records = jobRecords(in: folder)
        records.scheduledSince = (records.scheduledSince ?? [:]).merging([job: instant.timeIntervalSince1970]) { $1 }
        write(records, "jobs.json", in: folder)
    }

    func recordFired(job: String, at instant: Date, in folder: String) {
        var records = jobRecords(in: folder)
        records.lastFired[job] = instant.timeIntervalSince1970
        write(records, "jobs.json", in: folder)
    }
}
