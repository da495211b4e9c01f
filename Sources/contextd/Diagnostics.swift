import ContextFiles
import ContextIngest

/// Prints validation diagnostics to standard error, errors first, each as
/// `FILE:LINE:COLUMN: SEVERITY: MESSAGE`.
enum Diagnostics {
    static func print(_ report: ValidationReport) {
        var text = ""
        for diagnostic in report.errors { text += diagnostic.description + "\n" }
        for diagnostic in report.warnings { text += diagnostic.description + "\n" }
        write(text)
    }

    static func standardError(_ line: String) { write(line + "\n") }

    private static func write(_ text: String) {
        StandardError.write(text)
    }
}
