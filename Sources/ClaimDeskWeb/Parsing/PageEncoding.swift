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
        let head = bytes.prefix(4096)
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func matches(_ word: [UInt8], at i: Int) -> Bool {
            guard i + word.count <= head.endIndex else { return false }
            for k in 0..<word.count where lower(head[i + k]) != word[k] { return false }
            return true
        }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = head.startIndex
        while i < head.endIndex {
            guard head[i] == 0x3C, matches(meta, at: i) else { i += 1; continue }
            var j = i + meta.count
            while j < head.endIndex, head[j] != 0x3E {
                if lower(head[j]) == 0x63, matches(charset, at: j) {
                    var k = j + charset.count
                    while k < head.endIndex, head[k] == 0x20 { k += 1 }
                    guard k < head.endIndex, head[k] == 0x3D else { break }
                    k += 1
                    while k < head.endIndex, head[k] == 0x20 || head[k] == 0x22 || head[k] == 0x27 { k += 1 }
                    var e = k
                    while e < head.endIndex, ![0x20, 0x22, 0x27, 0x3B, 0x2F, 0x3E].contains(head[e]) { e += 1 }
                    if e > k { return String(decoding: head[k..<e], as: UTF8.self).lowercased() }
                    break
                }
                j += 1
            }
            i = j
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
