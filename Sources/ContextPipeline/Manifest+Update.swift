import ContextIngest
import Foundation

extension Manifest {
    /// A run's `manifest.json` with the entries of `files` replaced or added (path, size,
    /// SHA-256), everything else as it was: `contextd report` and `contextd map` writing into a
    /// run's folder keep its manifest true to the files beside it.
    ///
    /// The manifest is read as a JSON tree (``ConfigValue``), not as ``Manifest``, so a field this
    /// version does not know survives the update.
    ///
    /// - Returns: the new manifest, or `nil` when `manifest` is not a run's manifest.
    static func updated(_ manifest: [UInt8], adding files: [(path: String, bytes: [UInt8])]) -> [UInt8]? {
        guard case .mapping(var entries)? = try? JSONDecoder().decode(ConfigValue.self, from: Data(manifest)),
            let index = entries.firstIndex(where: { $0.key == "outputs" }),
            case .list(var outputs) = entries[index].value
        else { return nil }
        for file in files where file.path != "manifest.json" {
            let entry = ConfigValue.mapping([
                .init("bytes", .int(file.bytes.count)), .init("path", .text(file.path)),
                .init("sha256", .text(InputFingerprint.sha256Hex(file.bytes))),
            ])
            if let existing = outputs.firstIndex(where: { $0["path"] == .text(file.path) }) {
                outputs[existing] = entry
            } else {
                outputs.append(entry)
            }
        }
        entries[index] = .init("outputs", .list(outputs))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(ConfigValue.mapping(entries)) else { return nil }
        return [UInt8](data) + [UInt8(ascii: "\n")]
    }
}
