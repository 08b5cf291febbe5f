/// Which character encoding a page's bytes are in, and how that was decided.
///
/// In the order browsers use (WHATWG "encoding sniffing"): a byte-order mark, then the HTTP
/// `Content-Type` charset when the page was fetched, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` in the first 4 KB, and last a guess: UTF-8 when the
/// bytes are valid UTF-8, else windows-1252 (what browsers assume for Western pages).
public struct PageEncoding: Equatable, Sendable {
    /// A lower-case WHATWG name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or another label as given.
    public var name: String
    public var source: Source

    public enum Source: String, Sendable {
        case byteOrderMark = "byte-order mark"
        case httpHeader = "HTTP header"
        case metaTag = "meta tag"
        case sniffed
    }

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// Decides the encoding of `bytes`, given the charset of an HTTP `Content-Type` header if any.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, headerCharset: String?) -> PageEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return PageEncoding(name: "utf-8", source: .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE]) { return PageEncoding(name: "utf-16le", source: .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return PageEncoding(name: "utf-16be", source: .byteOrderMark) }
        if let header = headerCharset.flatMap(canonicalName) { return PageEncoding(name: header, source: .httpHeader) }
        if let meta = metaCharset(bytes).flatMap(canonicalName) {
            // A page that says UTF-16 in ASCII bytes is not UTF-16 (WHATWG: treat as UTF-8).
            return PageEncoding(name: meta.hasPrefix("utf-16") ? "utf-8" : meta, source: .metaTag)
        }
        let valid = String(validating: bytes, as: UTF8.self) != nil
        return PageEncoding(name: valid ? "utf-8" : "windows-1252", source: .sniffed)
    }

    /// The charset parameter of a `Content-Type` value (`text/html; charset="ISO-8859-1"`).
    public static func charset(inContentType value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" else { continue }
            let name = pair[1].trimmingSpaces.trimmingCharacters(inSet: ["\"", "'"])
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// WHATWG labels folded to the names this decoder uses; Latin-1 and ASCII mean windows-1252.
    static func canonicalName(_ label: String) -> String? {
        let name = label.trimmingSpaces.lowercased()
        guard !name.isEmpty, name.count < 40, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) else { return nil }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "utf-16", "utf-16le": return "utf-16le"
        case "utf-16be": return "utf-16be"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252",
             "x-cp1252", "iso_8859-1", "cp819", "ibm819", "iso-ir-100", "csisolatin1":
            return "windows-1252"
        default: return name
        }
    }

    /// The charset a `<meta>` tag names in the first 4 KB, found by a byte scan (no parse yet).
    static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[meta.upperBound..<tagEnd]
            if let range = tag.range(of: "charset") {
                var value = tag[range.upperBound...].drop(while: { $0 == " " })
                if value.first == "=" {
                    value = value.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
                    let name = value.prefix(while: { !" \"';/>".contains($0) })
                    if !name.isEmpty { return String(name) }
                }
            }
            rest = rest[tagEnd...]
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingSpaces: String { trimmingCharacters(inSet: [" ", "\t", "\n", "\r"]) }

    func trimmingCharacters(inSet set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
