import Crypto
import Foundation

/// STAND-IN until `ContextPrivacy` (the lead's module) is merged: the same derivation as its
/// `Pseudonymiser` (HMAC-SHA-256 of `domain \0 value`, Crockford base32), the same key file format
/// (64 hexadecimal digits, owner-only), so pseudonyms do not change when it is replaced.
struct InterimPseudonymiser: Sendable {
    private let key: [UInt8]

    static func loadOrCreate(keyFile: String) throws(PipelineError) -> InterimPseudonymiser {
        let manager = FileManager.default
        if let data = manager.contents(atPath: keyFile) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var key: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                guard let byte = UInt8(text[index..<next], radix: 16) else { break }
                key.append(byte)
                index = next
            }
            guard key.count == 32 else {
                throw PipelineError(.outputNotCreatable, "pseudonymisation key \(keyFile) is not a key")
            }
            return InterimPseudonymiser(key: key)
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let text = key.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
        let folder = (keyFile as NSString).deletingLastPathComponent
        do {
            try manager.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PipelineError(.outputNotCreatable, "state folder \(folder) cannot be created")
        }
        guard
            manager.createFile(
                atPath: keyFile, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw PipelineError(.outputNotCreatable, "pseudonymisation key \(keyFile) cannot be created") }
        return InterimPseudonymiser(key: key)
    }

    func token(domain: String, value: String, characters: Int = 12) -> String {
        var message = Array(domain.utf8)
        message.append(0)
        message.append(contentsOf: value.utf8)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var result = ""
        var buffer: UInt32 = 0, bits = 0, index = 0
        while result.count < characters && (bits >= 5 || index < mac.count) {
            if bits < 5 {
                buffer = (buffer << 8) | UInt32(mac[index])
                index += 1
                bits += 8
            }
            bits -= 5
            result.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
        }
        return result
    }
}
