import Foundation

/// Runs `body` with the path of a new, empty folder (mode 0700) under the system's temporary
/// folder, and removes the folder and everything in it afterwards, whether `body` returns or
/// throws.
///
/// ```swift
/// try withTemporaryDirectory { path in
///     _ = try SampleWorld(entities: 100, seed: 1).write(to: path)
/// }
/// ```
public func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let path = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// The `async` form of ``withTemporaryDirectory(_:)``.
public func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let path = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// A temporary folder could not be created.
public struct TemporaryDirectoryError: Error, CustomStringConvertible {
    public let description: String
}

/// Creates a uniquely named folder with `mkdtemp(3)` and returns its path.
private func makeTemporaryDirectory() throws -> String {
    var base = NSTemporaryDirectory()
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    var template = Array((base + "/contextd-test-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
        guard let start = buffer.baseAddress else { return false }
        return mkdtemp(start) != nil
    }
    guard created else {
        throw TemporaryDirectoryError(description: "cannot create a temporary folder in '\(base)' (errno \(errno))")
    }
    return template.withUnsafeBufferPointer { buffer in
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
