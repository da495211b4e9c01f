import ContextModel

/// Writes one RFC 4180 CSV file through a byte buffer flushed in chunks of about 1 MiB.
///
/// Rows are built field by field straight into the buffer, so a million rows cost no `String`
/// per row. Fields that may hold a comma, a quote or a line break (labels, notes) go through
/// ``beginField()`` / ``endField()``, which quotes them when needed; ids, numbers, dates and
/// fixed spellings use the unchecked appenders. Lines end with LF.
struct CSVWriter {
    private var file: OutputFile
    private var buffer: [UInt8] = []
    private var fieldStart = 0
    private var atRowStart = true
    /// Data rows written (the header excluded).
    private(set) var rows = 0

    private static let flushThreshold = 1 << 20

    init(directory: String, name: String, header: [String]) throws(SampleError) {
        file = try OutputFile(directory: directory, name: name)
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        for column in header { field(column) }
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    // MARK: Fields

    /// Starts a field whose content may need quoting; append the content, then ``endField()``.
    mutating func beginField() {
        separate()
        fieldStart = buffer.count
    }

    /// Ends a field started with ``beginField()``, quoting it when it holds `,`, `"`, CR or LF.
    mutating func endField() {
        var needsQuotes = false
        for index in fieldStart..<buffer.count {
            switch buffer[index] {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                needsQuotes = true
            default: continue
            }
            break
        }
        guard needsQuotes else { return }
        let content = Array(buffer[fieldStart...])
        buffer.removeSubrange(fieldStart...)
        buffer.append(UInt8(ascii: "\""))
        for byte in content {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// A whole text field, quoted when needed.
    mutating func field(_ text: String) {
        beginField()
        append(text)
        endField()
    }

    /// A field known to need no quoting (a fixed spelling: a kind, an agency, a grading).
    mutating func plainField(_ text: String) {
        separate()
        append(text)
    }

    /// An empty field ("not given").
    mutating func emptyField() { separate() }

    /// An id made of a fixed prefix and a number, such as `Y-1042`.
    mutating func idField(_ prefix: StaticString, _ number: Int) {
        separate()
        append(prefix)
        appendNumber(number)
    }

    /// A non-negative integer field.
    mutating func numberField(_ value: Int) {
        separate()
        appendNumber(value)
    }

    /// A `YYYY-MM-DD` field.
    mutating func dateField(_ day: Day) {
        separate()
        let (year, month, date) = day.components
        appendPadded(year, width: 4)
        buffer.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2)
        buffer.append(UInt8(ascii: "-"))
        appendPadded(date, width: 2)
    }

    // MARK: Content inside a field

    /// Appends text to the current field.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// Appends a fixed ASCII string to the current field.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends the decimal digits of a non-negative integer to the current field.
    mutating func appendNumber(_ value: Int) {
        precondition(value >= 0, "only non-negative numbers are written")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func appendPadded(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            buffer.append(UInt8(ascii: ","))
        }
    }

    // MARK: Rows and the file

    /// Ends the current row, flushing the buffer when it is full.
    mutating func endRow() throws(SampleError) {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        rows += 1
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private mutating func flush() throws(SampleError) {
        let file = self.file
        var failure: SampleError?
        buffer.withUnsafeBytes { bytes in
            do throws(SampleError) { try file.append(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file under its temporary name.
    mutating func finish() throws(SampleError) {
        try flush()
        buffer = []
        try file.finish()
    }

    /// Renames the finished file into place.
    func commit() throws(SampleError) { try file.commit() }

    /// Removes the temporary file (on a failure path).
    mutating func abandon() { file.abandon() }
}
