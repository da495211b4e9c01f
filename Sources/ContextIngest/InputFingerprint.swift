import Crypto

/// SHA-256 as lower-case hex: of each input file, recorded in the manifest so a run can be tied to
/// exactly the data it read; and of each output, so a reader can check a set is complete.
public enum InputFingerprint {
    /// Lower-case hex SHA-256 of the bytes.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
