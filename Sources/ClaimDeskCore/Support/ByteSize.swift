/// Sizes of files as people read them in messages.
///
/// Whole megabytes rounded down made a file one byte over the limit read "64 MB, over the 64 MB
/// limit"; these name the exact byte count, grouped by thousands, with a rounded figure beside it.
public enum ByteSize {
    /// `67,108,865 bytes (64.0 MB)`; below a megabyte just `12,345 bytes`.
    public static func describe(_ bytes: Int) -> String {
        let exact = grouped(bytes) + (bytes == 1 ? " byte" : " bytes")
        guard bytes >= 1_048_576 else { return exact }
        let tenths = bytes / 1_048_576 * 10 + bytes % 1_048_576 * 10 / 1_048_576  // rounded down
        let rounded = bytes >= 1 << 30
            ? "\(bytes / (1 << 30)).\((bytes % (1 << 30)) * 10 / (1 << 30)) GB"
            : "\(tenths / 10).\(tenths % 10) MB"
        return "\(exact) (\(rounded))"
    }

    /// A whole number with commas between groups of three digits.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}
