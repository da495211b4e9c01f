import ContextTestSupport
import Foundation
import Testing

@Suite("contextd report", .serialized)
struct ReportCommandTests {
    private let cli = ContextdCLITests()

    @Test func boardAndSchoolsReportsOnTheTinyDataset() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let board = try cli.run([
                "report", "board", "--data", scratch + "/data", "--out", scratch + "/out", "--period", "2024-Q3",
            ])
            #expect(board.status == 0, "\(board.stderr)")
            #expect(board.stdout.contains("as of 2024-09-30: wrote board.json, board.html to"))
            #expect(board.stdout.contains("history: No history exists yet"))
            let schools = try cli.run([
                "report", "schools", "--data", scratch + "/data", "--out", scratch + "/out", "--as-of", "2024-09-30",
            ])
            #expect(schools.status == 0, "\(schools.stderr)")
            #expect(schools.stdout.contains("history: Compared with the run recorded at"))
            for file in ["board.json", "board.html", "schools.json", "schools.csv", ".contextd-state/history.sqlite"] {
                #expect(FileManager.default.fileExists(atPath: scratch + "/out/" + file), "\(file)")
            }
            let html = try String(contentsOfFile: scratch + "/out/board.html", encoding: .utf8)
            for marker in TinyDataset.personalMarkers { #expect(!html.contains(marker), "\(marker)") }
            for output in [board, schools] {
                for marker in TinyDataset.personalMarkers { #expect(!(output.stdout + output.stderr).contains(marker)) }
            }
        }
    }

    @Test(arguments: ["2024-Q5", "2024-13", "Q3", "2024-09-30"])
    func aBadPeriodIsAUsageError(_ period: String) throws {
        let outcome = try cli.run(["report", "board", "--data", "/nonexistent", "--out", "/tmp/x", "--period", period])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--period '\(period)' is not a quarter (YYYY-Qn) or a month (YYYY-MM)"))
    }
}
