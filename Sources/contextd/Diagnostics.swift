import ContextFiles
import ContextIngest

/// Prints validation diagnostics to standard error, errors first, each as
/// `FILE:LINE:COLUMN: SEVERITY: MESSAGE`.
enum Diagnostics {
    static func print(_ report: ValidationReport) {
        var text = ""
        for diagnostic in report.errors { text += diagnostic.description + "\n" }
        for line in report.warningLines { text += line + "\n" }
        write(text)
    }

    static func standardError(_ line: String) { write(line + "\n") }

    private static func write(_ text: String) {
        StandardError.write(text)
    }
}
