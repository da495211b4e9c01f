import ArgumentParser
import ContextIngest
import ContextPipeline
import ContextSample

/// Maps every error a command can meet to a message on standard error and a sysexits status, in
/// one place (argument-parser's `MessageInfo` pattern).
enum ExitStatus {
    static let dataRejected: Int32 = 65
    static let inputMissing: Int32 = 66
    static let internalError: Int32 = 70
    static let outputNotCreatable: Int32 = 73
    /// The outputs were committed, but the history could not record the run's scores.
    static let historyNotRecorded: Int32 = 75
    static let badConfiguration: Int32 = 78

    /// Prints what went wrong and returns the `ExitCode` to throw.
    static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case let error as IngestError:
            if let report = error.report { Diagnostics.print(report) }
            printError(error.description)
            switch error.code {
            case .dataRejected, .limitExceeded: return ExitCode(dataRejected)
            default: return ExitCode(inputMissing)
            }
        case let error as ConfigurationError:
            printError(error.description)
            return ExitCode(badConfiguration)
        case let error as PipelineError:
            printError(error.description)
            switch error.code {
            case .outputNotCreatable, .outputBusy: return ExitCode(outputNotCreatable)
            case .keyUnusable: return ExitCode(badConfiguration)
            case .subjectUnknown: return ExitCode(dataRejected)
            default: return ExitCode(internalError)
            }
        case let error as SampleError:
            printError(error.description)
            return ExitCode(error.code == .tooFewEntities ? ExitCode.validationFailure.rawValue : outputNotCreatable)
        default:
            printError("internal error: \(error)")
            return ExitCode(internalError)
        }
    }

    /// After a commit: a history that could not be recorded is a warning and exit 75, never a
    /// failure status that would say the outputs are not there.
    static func afterCommit(historyNotRecorded problem: String?) throws {
        guard let problem else { return }
        Diagnostics.standardError(
            "contextd: warning: the outputs were written, but the history could not record this run (\(problem)); "
                + "the next run compares with an older one")
        throw ExitCode(historyNotRecorded)
    }

    static func printError(_ message: String) {
        Diagnostics.standardError("contextd: \(message)")
    }
}
