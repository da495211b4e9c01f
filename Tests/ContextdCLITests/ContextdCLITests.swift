import ContextTestSupport
import Foundation
import Testing

/// Runs the built `contextd` binary (argument-parser's `AssertExecuteCommand` approach) and checks
/// exit statuses, standard error and the files written.
@Suite("contextd command line", .serialized)
struct ContextdCLITests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `contextd` binary built next to the test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        // The test binary is .../debug/contextdPackageTests.xctest (a file on Linux, a bundle on macOS).
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("contextd").path) {
            folder = Bundle.main.bundleURL.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("contextd")
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test func runOnTinyDatasetSucceedsAndWritesTheOutputs() async throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let outcome = try run([
                "run", "--data", scratch + "/data", "--out", scratch + "/out", "--as-of", "2024-09-30",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("as of 2024-09-30: 10 entities, 11 links"))
            #expect(
                outcome.stderr.contains(
                    "links.csv:8:50: warning: link graded E (suspected to be false): kept out of the analysis"))
            for file in ["manifest.json", "network.json", "maps/overview.svg", "maps/overview.dot"] {
                #expect(FileManager.default.fileExists(atPath: scratch + "/out/" + file), "\(file)")
            }
        }
    }

    @Test func rejectedDataExits65WithEveryErrorAndWritesNothing() async throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let links = TinyDataset.links + "C-1,NOPE,associate,,,,,\nC-1,P-1,hugs,,,,,\n"
            try Data(links.utf8).write(to: URL(fileURLWithPath: scratch + "/data/links.csv"))
            let outcome = try run(["run", "--data", scratch + "/data", "--out", scratch + "/out"])
            #expect(outcome.status == 65)
            #expect(
                outcome.stderr.contains(
                    "links.csv:13:5: error: target 'NOPE' is not the id of any entity in entities.csv"))
            #expect(outcome.stderr.contains("links.csv:14:9: error: unknown kind 'hugs'"))
            #expect(outcome.stderr.contains("contextd: dataset rejected: 2 errors"))
            #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))
            let validate = try run(["validate", "--data", scratch + "/data"])
            #expect(validate.status == 65)
            let lenient = try run(["validate", "--data", scratch + "/data", "--lenient"])
            #expect(lenient.status == 0)
            #expect(lenient.stderr.contains("set aside: links.csv:14: unknown kind 'hugs'"))
        }
    }

    @Test func exitStatusesFollowSysexits() async throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            #expect(try run(["run", "--data", scratch + "/nowhere", "--out", scratch + "/out"]).status == 66)
            #expect(try run(["run", "--data", scratch + "/data"]).status == 64)  // --out missing
            #expect(
                try run(["run", "--data", scratch + "/data", "--out", scratch + "/o", "--as-of", "2024-02-30"]).status
                    == 64)
            try Data("maps:\n  overview:\n    max_nodes: -3\n".utf8).write(
                to: URL(fileURLWithPath: scratch + "/bad.yaml"))
            let config = try run([
                "run", "--data", scratch + "/data", "--out", scratch + "/o", "--config", scratch + "/bad.yaml",
            ])
            #expect(config.status == 78)
            #expect(config.stderr.contains("key 'maps.overview.max_nodes'"))
            try Data("a file".utf8).write(to: URL(fileURLWithPath: scratch + "/file"))
            #expect(try run(["run", "--data", scratch + "/data", "--out", scratch + "/file/out"]).status == 73)
        }
    }

    @Test func mapCommandWritesKeyedFileNamesAndRefusesBadSubjects() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let base = ["map", "--data", scratch + "/data", "--out", scratch + "/out", "--as-of", "2024-09-30"]
            let child = try run(base + ["--child", "C-1", "--format", "svg", "--format", "png"])
            #expect(child.status == 0, "\(child.stderr)")
            let written = child.stdout.split(separator: "\n").filter { $0.hasPrefix(scratch) }
            #expect(written.count == 2)
            #expect(written.allSatisfy { $0.wholeMatch(of: /.*\/out\/maps\/child-[0-9A-Z]{12}\.(svg|png)/) != nil })
            #expect(!child.stdout.contains("C-1") && !child.stderr.contains("Secret"))
            #expect(try run(base + ["--child", "NOPE"]).status == 65)
            #expect(try run(base + ["--context", "C-1"]).status == 65)
            #expect(try run(base + ["--child", "C-1", "--depth", "9"]).status == 64)
            let two = try run(base + ["--child", "C-1", "--context", "L-1"])
            #expect(two.status == 0 && two.stdout.contains("/maps/context-") && two.stdout.contains("/maps/child-"))
            #expect(try run(base + ["--format", "gif"]).status == 64)
            // A key file that others can read is refused (exit 78), not silently used.
            let key = scratch + "/out/.contextd-state/pseudonym.key"
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
            let refused = try run(base + ["--child", "C-1", "--pseudonymise"])
            #expect(refused.status == 78)
            #expect(refused.stderr.contains("can be read by group or others"))
        }
    }

    @Test func sampleIsDeterministicAndValidates() async throws {
        try withTemporaryDirectory { scratch in
            #expect(try run(["sample", "--entities", "400", "--seed", "9", "--out", scratch + "/a"]).status == 0)
            #expect(try run(["sample", "--entities", "400", "--seed", "9", "--out", scratch + "/b"]).status == 0)
            #expect(try snapshot(of: scratch + "/a") == snapshot(of: scratch + "/b"))
            let validate = try run(["validate", "--data", scratch + "/a"])
            #expect(validate.status == 0, "\(validate.stderr)")
            #expect(!validate.stderr.contains(": error: "))
        }
    }

    @Test func explainPrintsEachFactorOfALink() async throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let outcome = try run([
                "explain", "--data", scratch + "/data", "--as-of", "2024-09-30", "--link", "C-1", "X-1",
            ])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(
                outcome.stdout
                    == "X-1 -exploits-> C-1 as of 2024-09-30: strength 0.722 = weight 5/5 × confidence 0.75 (1B) × reliability 1 × recency 0.962 (10 days)\n"
            )
            #expect(try run(["explain", "--data", scratch + "/data", "--link", "C-1"]).status == 64)
        }
    }

    /// The root help, pinned as text: a change to what the tool says about itself is deliberate.
    @Test func helpIsPinned() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == Self.pinnedHelp)
        let runHelp = try run(["help", "run"])
        #expect(runHelp.stdout.contains("--lenient"))
        #expect(runHelp.stdout.contains("--as-of <date>"))
    }

    static let pinnedHelp = """
        OVERVIEW: Network analysis and maps for multi-agency child exploitation (MACE)
        teams.

        contextd reads a dataset folder of CSV files (entities.csv, links.csv, and
        optionally events.csv and actions.csv; see the README for the format),
        validates every row, finds concern clusters, and writes JSON summaries and a
        Graphviz network map.

        Strict by default: any error in the data rejects the whole dataset, every error
        is listed as FILE:LINE:COLUMN: error: MESSAGE, and nothing is written.
        --lenient sets bad rows aside instead and lists each one in the run's manifest.

        Exit status: 0 success, 64 usage, 65 data rejected, 66 input missing or
        unreadable, 70 internal error, 73 output cannot be created, 75 outputs written
        but the history not recorded, 78 bad configuration.

        USAGE: contextd <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          run                     Validate a dataset, analyse it, and write the outputs.
          map                     Draw network maps: a child's own network, a place, a
                                  cluster, or all of a run's maps.
          report                  Write one reader's report: the school risk indicator
                                  or the board summary.
          validate                Check a dataset against the format without writing
                                  anything.
          sample                  Write a deterministic, entirely fictional dataset for
                                  trying contextd out.
          explain                 Print how strong the links between two entities are,
                                  factor by factor.
          config                  Print the run configuration, every key with its
                                  comment, type and value.
          serve                   Run as a service: watch the datasets, run the
                                  scheduled jobs, serve the status API.

          See 'contextd help <subcommand>' for detailed help.

        """
}
