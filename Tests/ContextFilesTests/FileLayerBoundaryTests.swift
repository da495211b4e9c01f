import Foundation
import Testing

/// Issue 11: one small file layer. No module but ContextFiles calls POSIX file functions or
/// imports the C library directly (Graphviz's C calls in ContextMaps go through CGraphviz and
/// are not file functions). `import Foundation` re-exports the C library on Linux, so imports
/// alone prove nothing: the scan looks for the calls themselves.
@Suite("File layer boundary")
struct FileLayerBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources").path

    /// What gives away a C file call: a name only the C library uses, called (not a method:
    /// not preceded by `.` or a word character); one of the C constants or `errno`; or a generic
    /// name (`open`, `read`, `write`, `rename`, `link`) called the C way, with a descriptor or
    /// two unlabelled paths.
    static var forbidden: [Regex<Substring>] {
        [
            #/(?:^|[^.\w])(?:openat|creat|fsync|fdatasync|renameat|mkdir|mkdirat|rmdir|unlink|unlinkat|linkat|symlink|symlinkat|readlink|readlinkat|lstat|fstat|fstatat|flock|chmod|fchmod|opendir|fdopendir|readdir|closedir|realpath|ftruncate|inotify_init1|inotify_add_watch|pread|pwrite)\s*\(/#,
            #/(?:^|[^.\w])(?:O_(?:RDONLY|WRONLY|RDWR|CREAT|EXCL|NOFOLLOW|DIRECTORY|CLOEXEC|TRUNC|NONBLOCK)|AT_FDCWD|S_IF(?:MT|REG|DIR|LNK)|LOCK_EX|errno|strerror)\b/#,
            #/(?:^|[^.\w])(?:read|write|close)\s*\(\s*(?:fd|descriptor|\d)/#,
            #/(?:^|[^.\w])(?:open|rename|link|stat)\s*\(\s*(?:[\w.]+(?:\s*\+\s*"[^"]*")?\s*,\s*(?:[\w.]|O_)|\))/#,
            #/^\s*(?:@\w+\s+)?(?:public\s+|internal\s+|private\s+)?import\s+(?:Glibc|Darwin|Musl)\b/#,
            #/\b(?:Glibc|Darwin)\./#,
        ]
    }

    /// The offending lines in one source text (comments left out), as `LINE: TEXT`.
    static func violations(in text: String) -> [String] {
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Declarations (`func open()`) are not calls.
            let code = (line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .replacing(#/func\s+\w+/#, with: "func")
            if forbidden.contains(where: { code.contains($0) }) {
                found.append("\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    @Test func theScanCatchesWhatItMustAndSparesMethods() {
        #expect(!Self.violations(in: "let fd = open(path, O_RDONLY)").isEmpty)
        #expect(!Self.violations(in: "    guard rename(a, b) == 0 else { return }").isEmpty)
        #expect(!Self.violations(in: "_ = fsync (fd)").isEmpty)
        #expect(!Self.violations(in: "#if canImport(Glibc)\n    import Glibc\n#endif").isEmpty)
        #expect(!Self.violations(in: "Glibc.write(2, p, n)").isEmpty)
        #expect(Self.violations(in: "try folder.rename(\"a\", to: \"b\")").isEmpty)
        #expect(Self.violations(in: "public func write(_ name: String) {}").isEmpty)
        #expect(Self.violations(in: "// we never call open( here").isEmpty)
        #expect(Self.violations(in: "let reopen(x)").isEmpty)
        #expect(Self.violations(in: "static func open() throws -> Context {").isEmpty)
        #expect(!Self.violations(in: "var info = stat()").isEmpty)
        #expect(!Self.violations(in: "let count = read(fd, buffer, 10)").isEmpty)
        #expect(!Self.violations(in: "if errno == ENOENT {}").isEmpty)
        #expect(!Self.violations(in: "unlink(temporary)").isEmpty)
        #expect(Self.violations(in: "try write(records, \"jobs.json\", in: folder)").isEmpty)
        #expect(Self.violations(in: "read(JobRecords.self, \"jobs.json\", in: folder)").isEmpty)
    }

    @Test func noModuleButContextFilesCallsPOSIXFileFunctions() throws {
        let manager = FileManager.default
        let enumerator = try #require(manager.enumerator(atPath: Self.sources))
        var problems: [String] = []
        var scanned = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("ContextFiles/") else { continue }
            let text = try String(contentsOfFile: Self.sources + "/" + relative, encoding: .utf8)
            scanned += 1
            problems += Self.violations(in: text).map { "Sources/\(relative):\($0)" }
        }
        #expect(scanned > 50, "the scan found only \(scanned) source files under \(Self.sources)")
        #expect(problems.isEmpty, "POSIX file calls outside ContextFiles:\n\(problems.joined(separator: "\n"))")
    }
}
