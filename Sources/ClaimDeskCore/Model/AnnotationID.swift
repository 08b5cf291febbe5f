/// A short, stable id such as `c12`: a kind prefix and a number.
///
/// Numbers are never reused within a session. No prefix is `s` or `p` alone,
/// so an id can never be mistaken for a sentence (`s3`) or paragraph (`p2`).
public struct AnnotationID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The largest number an id may carry (15 digits): far more than a session will ever hand
    /// out, and small enough that counting past it can never overflow an `Int`.
    public static let maximumNumber = 999_999_999_999_999

    public let rawValue: String
    /// Worked out once because ids are sorted and hashed often, and packed in one word because a
    /// session holds several ids per annotation (as an `Int` and a `UInt32`, every id took 32
    /// bytes, not 24): in the low 50 bits the number after the prefix plus one if the id is
    /// well-formed, else 0; in the next 6 its kind (``AnnotationKind/code``)
    /// if it is well-formed with a known prefix, else 0; in the high 8 the length of the letter
    /// prefix in UTF-8 bytes (255 for 255 or more).
    private let packed: UInt64

    /// The number after the prefix if the id is well-formed, else -1.
    private var storedNumber: Int { Int(packed & Self.numberMask) - 1 }

    /// The kind's code (see ``packed``), 0 for none.
    private var kindCode: Int { Int(packed >> 50 & 0x3F) }

    /// The length of the letter prefix, in UTF-8 bytes.
    private var prefixLength: Int {
        let stored = Int(packed >> 56)
        // A prefix of 255 letters or more (no id ClaimDesk makes) is counted again.
        guard stored == 255 else { return stored }
        return rawValue.utf8.prefix { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) }.count
    }

    private static let numberMask: UInt64 = (1 << 50) - 1

    /// The number after the prefix, if the id is well-formed.
    public var number: Int? { storedNumber >= 0 ? storedNumber : nil }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        var text = rawValue
        packed = text.withUTF8 { Self.packed($0) }
    }

    /// The ``packed`` word of an id spelled `bytes`, worked out from the bytes where they lie
    /// (walking the string's UTF-8 view was a tenth of reading a claim).
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var letters = 0
        var value = 0
        var digits = 0
        var wellFormed = true
        for byte in bytes {
            if digits == 0, (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) {
                letters += 1
            } else if (0x30...0x39).contains(byte), value <= Self.maximumNumber / 10 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else {
                wellFormed = false
                break
            }
        }
        let number = wellFormed && digits > 0 && value <= Self.maximumNumber ? UInt64(value) + 1 : 0
        var code: UInt64 = 0
        if number > 0, let kind = AnnotationKind(prefix: bytes[..<letters]) { code = kind.code }
        return UInt64(min(letters, 255)) << 56 | code << 50 | number
    }

    public init(stringLiteral value: String) { self.init(value) }
    public init(kind: AnnotationKind, number: Int) { self.init(kind.prefix + String(number)) }

    public var description: String { rawValue }

    /// The prefix letters.
    public var prefix: Substring { rawValue.prefix(prefixLength) }

    /// The kind of annotation this id names, if it is a well-formed id.
    public var kind: AnnotationKind? {
        AnnotationKind(code: kindCode)
    }

    public static func == (a: AnnotationID, b: AnnotationID) -> Bool { a.rawValue == b.rawValue }

    /// A well-formed id hashes as its number and the start of its prefix, one word, which costs
    /// far less than hashing its text (a session hashes ids hundreds of thousands of times when it
    /// opens). Equal ids have equal numbers and prefixes, so equal hashes.
    public func hash(into hasher: inout Hasher) {
        guard storedNumber >= 0, let first = rawValue.utf8.first else { return hasher.combine(rawValue) }
        // The number fits in 50 bits (``maximumNumber`` is below 2^50); the first letter and the
        // prefix length fill the rest.
        hasher.combine(UInt64(storedNumber) | UInt64(first & 0x7F) << 50 | UInt64(min(prefixLength, 127)) << 57)
    }

    /// By prefix, then by number (`c2` before `c10`), then by text.
    public static func < (a: AnnotationID, b: AnnotationID) -> Bool {
        // The same known kind: the same prefix, and both numbered.
        if a.kindCode != 0, a.kindCode == b.kindCode {
            let x = a.storedNumber, y = b.storedNumber
            return x != y ? x < y : a.rawValue < b.rawValue
        }
        if a.prefixLength == b.prefixLength, let x = a.number, let y = b.number,
           a.rawValue.utf8.prefix(a.prefixLength).elementsEqual(b.rawValue.utf8.prefix(b.prefixLength)) {
            return x != y ? x < y : a.rawValue < b.rawValue
        }
        let pa = a.prefix, pb = b.prefix
        if pa != pb { return pa < pb }
        switch (a.number, b.number) {
        case let (x?, y?) where x != y: return x < y
        default: return a.rawValue < b.rawValue
        }
    }
}

/// What an id names. The prefix is what users see and type.
public enum AnnotationKind: String, CaseIterable, Sendable {
    case article, source, mention, claim, proposition, stance, relation, note, conflict

    public var prefix: String {
        switch self {
        case .article: "a"
        case .source: "src"
        case .mention: "m"
        case .claim: "c"
        case .proposition: "pr"
        case .stance: "st"
        case .relation: "r"
        case .note: "n"
        case .conflict: "x"
        }
    }

    /// 1 to 9, kept in an ``AnnotationID``'s packed word.
    var code: UInt64 {
        switch self {
        case .article: 1
        case .source: 2
        case .mention: 3
        case .claim: 4
        case .proposition: 5
        case .stance: 6
        case .relation: 7
        case .note: 8
        case .conflict: 9
        }
    }

    /// Room for every ``code`` in a table indexed by it (0, no kind, included).
    static let codeTableSize = Int(allCases.map(\.code).max()!) + 1

    /// The kind of a ``code``; nil for 0 (no kind) and anything else.
    init?(code: Int) {
        switch code {
        case 1: self = .article
        case 2: self = .source
        case 3: self = .mention
        case 4: self = .claim
        case 5: self = .proposition
        case 6: self = .stance
        case 7: self = .relation
        case 8: self = .note
        case 9: self = .conflict
        default: return nil
        }
    }

    /// The kind whose prefix is exactly these letters (as UTF-8), if any.
    init?(prefix letters: some Collection<UInt8>) {
        var it = letters.makeIterator()
        let a = it.next(), b = it.next(), c = it.next(), d = it.next()
        switch (a, b, c, d) {
        case (0x61, nil, _, _): self = .article
        case (0x73, 0x72, 0x63, nil): self = .source
        case (0x6D, nil, _, _): self = .mention
        case (0x63, nil, _, _): self = .claim
        case (0x70, 0x72, nil, _): self = .proposition
        case (0x73, 0x74, nil, _): self = .stance
        case (0x72, nil, _, _): self = .relation
        case (0x6E, nil, _, _): self = .note
        case (0x78, nil, _, _): self = .conflict
        default: return nil
        }
    }

    public var plural: String {
        switch self {
        case .article: "articles"
        case .source: "sources"
        case .mention: "mentions"
        case .claim: "claims"
        case .proposition: "propositions"
        case .stance: "stances"
        case .relation: "relations"
        case .note: "notes"
        case .conflict: "conflicts"
        }
    }
}

extension AnnotationID: JSONWritable, JSONReadable, JSONFieldValue {
    public func write(to writer: inout JSONWriter) {
        writer.string(rawValue)
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        self.init(try reader.readString())
    }
}
