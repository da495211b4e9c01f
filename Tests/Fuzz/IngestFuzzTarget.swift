// The libFuzzer target for the CSV reader and the dataset loader; built by `Tests/Fuzz/fuzz.sh`,
// which compiles it into the ContextIngest module (so it reaches the internal reader) with
// `-sanitize=fuzzer,address`. Not part of the package: SwiftPM never sees this folder.
import ContextModel

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer calls this with each input; any oracle failure aborts, which libFuzzer records as a
/// crash with the input that caused it.
@_cdecl("LLVMFuzzerTestOneInput")
public func contextdFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    IngestFuzz.checkReader(bytes)
    for files in IngestFuzz.datasets(from: bytes) {
        for policy in [ValidationPolicy.strict, .lenient] { IngestFuzz.checkLoader(files, policy: policy) }
    }
    return 0
}

enum IngestFuzz {
    static let entities = Array(
        "id,kind,label,risk_level\nC-1,child,A,4\nP-1,peer,,\nX-1,perpetrator,,4\nL-1,location,,\nS-1,school,,\nG-1,group,,\n"
            .utf8)
    static let links = Array("source,target,kind,weight,grading\nX-1,C-1,exploits,5,1A\nC-1,P-1,associate,,\n".utf8)

    /// The input as one or more datasets: split on the ASCII record separator (0x1E) into
    /// entities, links, events and actions; a single part is tried both as entities and as links.
    static func datasets(from input: [UInt8]) -> [[(name: String, bytes: [UInt8])]] {
        let parts = input.split(separator: 0x1E, maxSplits: 3, omittingEmptySubsequences: false).map(Array.init)
        if parts.count == 1 {
            return [
                [("entities.csv", parts[0]), ("links.csv", links)],
                [("entities.csv", entities), ("links.csv", parts[0])],
            ]
        }
        let names = ["entities.csv", "links.csv", "events.csv", "actions.csv"]
        return [Array(zip(names, parts)).map { (name: $0.0, bytes: $0.1) }]
    }

    /// Reader invariants: every record and field lies inside the file, in order, and every
    /// location is a real line and column.
    static func checkReader(_ input: [UInt8]) {
        var previousEnd = 0
        var previousLine = 0
        CSVReader.withRecords(in: input) { reader, record in
            require(
                record.start >= previousEnd && record.start <= record.end && record.end <= input.count, "record span")
            require(record.line > previousLine, "record lines increase")
            for field in record.fields {
                require(field.rawStart >= record.start && field.start >= field.rawStart, "field start")
                require(field.end >= field.start && field.end <= record.end, "field end")
                let text = reader.string(field)
                require(text.utf8.count <= (field.end - field.start) * 3, "field text size")
                let at = reader.location(of: field.rawStart, recordStart: record.start, recordLine: record.line)
                require(at.line >= record.line && at.column >= 1, "field location")
            }
            previousEnd = record.end
            previousLine = record.line
        }
    }

    /// Loader oracles: reading `links.csv` in two halves gives exactly what one pass gives, and
    /// no diagnostic can break a terminal or log line.
    static func checkLoader(_ files: [(name: String, bytes: [UInt8])], policy: ValidationPolicy) {
        var sequential = DatasetLoader(policy: policy)
        sequential.parallelThreshold = .max
        var parallel = DatasetLoader(policy: policy)
        parallel.parallelThreshold = 0
        let one = outcome(sequential, files), two = outcome(parallel, files)
        require(one == two, "one pass and two halves disagree")
        for line in one.diagnostics {
            require(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "control character")
        }
    }

    struct Outcome: Equatable {
        var accepted: Bool
        var diagnostics: [String]
        var setAside: [SetAsideRow]
        var counts: [Int]
    }

    static func outcome(_ loader: DatasetLoader, _ files: [(name: String, bytes: [UInt8])]) -> Outcome {
        do {
            let dataset = try loader.load(files: files)
            let graph = dataset.graph
            return Outcome(
                accepted: true, diagnostics: dataset.report.diagnostics.map(\.description),
                setAside: dataset.report.setAside,
                counts: [graph.entities.count, graph.links.count, graph.events.count, graph.actions.count])
        } catch {
            let report = error.report
            return Outcome(
                accepted: false, diagnostics: (report?.diagnostics ?? []).map(\.description) + [error.message],
                setAside: report?.setAside ?? [], counts: [])
        }
    }

    static func require(_ condition: Bool, _ what: StaticString) {
        if !condition {
            print("fuzz oracle failed: \(what)")
            abort()
        }
    }
}
