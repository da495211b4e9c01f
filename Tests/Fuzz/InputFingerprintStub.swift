// Stands in for Sources/ContextIngest/InputFingerprint.swift in the fuzz build only: that file
// needs swift-crypto, which the hand-run `swiftc` line does not link, and hashing is not what is
// being fuzzed.
enum InputFingerprint {
    static func sha256Hex(_ bytes: [UInt8]) -> String { String(bytes.count, radix: 16) }
}
