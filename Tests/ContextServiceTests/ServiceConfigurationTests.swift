import ContextModel
import ContextPipeline
import ContextTestSupport
import Foundation
import Testing

@testable import ContextService

struct ServiceConfigurationTests {
    static let configFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config").path

    @Test func shippedExampleLoads() throws {
        let config = try ServiceConfiguration.load(path: Self.configFolder + "/service.yaml")
        #expect(config.datasets.map(\.name) == ["borough"])
        #expect(config.datasets[0].dataFolder == Self.configFolder + "/../Samples/borough")
        #expect(config.datasets[0].stateFolder == Self.configFolder + "/../Output/service/borough/.contextd-state")
        #expect(config.jobs.map(\.kind) == [.schools, .board])
        #expect(config.jobs[0].schedule.expression == "0 5 * * 1-5")
        #expect(config.timeZone.identifier == "Europe/London")
        #expect(config.status.listen == "127.0.0.1" && config.status.token == nil)
        #expect(config.runConfigurationFile == Self.configFolder + "/contextd.yaml")
        #expect(config.runConfiguration.asOf?.description == "2024-09-30")
    }

    static func error(_ yaml: String) -> String? {
        do {
            _ = try ServiceConfiguration.parse(yaml: yaml, file: "service.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func errorsNameTheFileLineColumnAndKey() {
        let datasets = "datasets:\n  - {name: a, data: d, out: o}\n"
        #expect(
            Self.error(datasets + "quiet_second: 3\n")
                == "service.yaml:3:1: error: key 'quiet_second': unknown key; expected one of: run_config, datasets, "
                + "jobs, quiet_seconds, watch, timezone, keep_runs, status")
        #expect(
            Self.error(datasets + "jobs:\n  - name: j\n    cron: \"0 25 * * *\"\n")
                == "service.yaml:5:11: error: key 'jobs[0].cron': hour field '25': '25' is not a value from 0 to 23")
        #expect(
            Self.error(datasets + "timezone: Mars/Olympus\n")
                == "service.yaml:3:11: error: key 'timezone': 'Mars/Olympus' is not a time zone name (e.g. Europe/London)"
        )
        #expect(
            Self.error(datasets + "status:\n  listen: 0.0.0.0\n")?.contains("key 'status.token_file': required") == true
        )
        #expect(
            Self.error("datasets:\n  - {name: 'a b', data: d, out: o}\n")?.contains("key 'datasets[0].name'") == true)
        #expect(
            Self.error("quiet_seconds: 3\n")
                == "service.yaml: error: key 'datasets': required: a list of {name, data, out}")
        #expect(
            Self.error("datasets:\n  - {name: a, data: d, out: o}\n  - {name: b, data: d, out: o}\n")?.contains(
                "two datasets share an output folder") == true)
        #expect(
            Self.error(datasets + "jobs:\n  - {name: j, cron: '@daily', dataset: nope}\n")?.contains(
                "'nope' is not allowed") == true)
    }

    @Test func tokenFileMustBeOwnerOnlyAndLongEnough() throws {
        try withTemporaryDirectory { scratch in
            let token = scratch + "/token"
            try Data("0123456789abcdef0123\n".utf8).write(to: URL(fileURLWithPath: token))
            chmod(token, 0o644)
            #expect(throws: ConfigurationError.self) { try ServiceConfiguration.readToken(token, configFile: "c") }
            chmod(token, 0o600)
            #expect(try ServiceConfiguration.readToken(token, configFile: "c") == "0123456789abcdef0123")
            try Data("short\n".utf8).write(to: URL(fileURLWithPath: token))
            #expect(throws: ConfigurationError.self) { try ServiceConfiguration.readToken(token, configFile: "c") }
        }
    }
}
