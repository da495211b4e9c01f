/// Writing CSV that opens safely in a spreadsheet: RFC 4180 quoting and formula neutralising.
///
/// Shared by every CSV output (`people.csv`, `schools.csv`). A field holding a comma, quote, CR or
/// LF is quoted with doubled quotes; a field that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`, so no value can run as a formula.
public enum CSVText {
    /// Appends one field, quoted and neutralised as needed.
    public static func appendField(_ field: String, to out: inout [UInt8]) {
        var text = field
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    /// Appends a record: fields separated by commas, ended by LF.
    public static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }
}
