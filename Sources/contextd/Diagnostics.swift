import ContextIngest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count <= 0 { return }
            offset += count
        }
    }
}
