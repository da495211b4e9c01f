import ContextModel
import ContextTestSupport
import Foundation
import Testing

@testable import ContextPrivacy

@Suite struct PseudonymiserTests {
    let fixed = Pseudonymiser(key: Array(0..<32))

    /// Known answers computed with Python's `hmac` module (HMAC-SHA-256, Crockford base32).
    @Test func matchesReferenceHMAC() {
        #expect(fixed.pseudonym(forEntity: "C0001", kind: .child) == "CHILD-VGCJ5CDF6ZRC")
        #expect(fixed.pseudonym(forEntity: "Ünïcødé \"id\"", kind: .location) == "PLACE-BTNPRGYSCFF3")
        #expect(fixed.token(domain: "file", value: "C0001") == "4JDB9EQ4W9XV")
    }

    @Test func domainsAndKeysSeparatePseudonyms() {
        let other = Pseudonymiser(key: Array(repeating: 7, count: 32))
        #expect(fixed.token(domain: "entity", value: "C0001") != fixed.token(domain: "file", value: "C0001"))
        #expect(other.pseudonym(forEntity: "C0001", kind: .child) != fixed.pseudonym(forEntity: "C0001", kind: .child))
        #expect(fixed.token(domain: "a", value: "bc") != fixed.token(domain: "ab", value: "c"))
    }

    @Test func base32UsesCrockfordAlphabet() {
        #expect(Pseudonymiser.base32([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], characters: 8) == "ZZZZZZZZ")
        #expect(Pseudonymiser.base32([0, 0, 0, 0, 0], characters: 8) == "00000000")
        #expect(Pseudonymiser.base32([0b0000_1000, 0b0100_0000], characters: 3) == "110")
    }

    @Test func keyFileIsCreatedOwnerOnlyAndReused() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/state/keys/pseudonym.key"
            let first = try PseudonymKeyFile.loadOrCreate(at: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder + "/state/keys")
            #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.count == 65 && text.hasSuffix("\n"))
            let second = try PseudonymKeyFile.loadOrCreate(at: path)
            #expect(first.pseudonym(forEntity: "X", kind: .peer) == second.pseudonym(forEntity: "X", kind: .peer))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/state/keys")
            #expect(leftovers == ["pseudonym.key"])
        }
    }

    @Test func twoKeyFilesGiveDifferentPseudonyms() throws {
        try withTemporaryDirectory { folder in
            let one = try PseudonymKeyFile.loadOrCreate(at: folder + "/one.key")
            let two = try PseudonymKeyFile.loadOrCreate(at: folder + "/two.key")
            #expect(one.pseudonym(forEntity: "C1", kind: .child) != two.pseudonym(forEntity: "C1", kind: .child))
        }
    }

    @Test func concurrentFirstUseAgreesOnOneKey() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder + "/pseudonym.key"
            let names = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try PseudonymKeyFile.loadOrCreate(at: path).pseudonym(forEntity: "C1", kind: .child)
                    }
                }
                var names = Set<String>()
                for try await name in group { names.insert(name) }
                return names
            }
            #expect(names.count == 1)
        }
    }

    @Test(arguments: [
        ("group-readable", "can be read by group or others"),
        ("symlink", "is a symbolic link"),
        ("garbage", "does not hold a key"),
        ("short", "does not hold a key"),
        ("folder", "is not a regular file"),
    ])
    func refusesUnsafeOrBrokenKeyFiles(setup: String, reason: String) throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/pseudonym.key"
            let valid = String(repeating: "ab", count: 32) + "\n"
            switch setup {
            case "group-readable":
                #expect(
                    FileManager.default.createFile(
                        atPath: path, contents: Data(valid.utf8), attributes: [.posixPermissions: 0o640]))
            case "symlink":
                #expect(
                    FileManager.default.createFile(
                        atPath: folder + "/real", contents: Data(valid.utf8), attributes: [.posixPermissions: 0o600]))
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder + "/real")
            case "garbage":
                #expect(
                    FileManager.default.createFile(
                        atPath: path, contents: Data("not a key\n".utf8), attributes: [.posixPermissions: 0o600]))
            case "short":
                #expect(
                    FileManager.default.createFile(
                        atPath: path, contents: Data("abcd\n".utf8), attributes: [.posixPermissions: 0o600]))
            default:
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
            do {
                _ = try PseudonymKeyFile.loadOrCreate(at: path)
                Issue.record("expected the key file to be refused")
            } catch let error as PseudonymKeyError {
                #expect(error.description.contains(reason), "\(error)")
                #expect(error.description.hasPrefix("pseudonymisation key '\(path)'"))
            }
        }
    }
}
