/// The sources a desk already knows, so suggestions name "Secretary of State Mike Pompeo" when the
/// text says "Pompeo", and know that "Tidewatch" is an outlet.
public struct SourceDirectory: Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var kind: String
        public var aliases: [String]

        public init(name: String, kind: String, aliases: [String] = []) {
            self.name = name
            self.kind = kind
            self.aliases = aliases
        }
    }

    public private(set) var entries: [Entry]
    /// Folded full names and aliases → entry index.
    private var byName: [String: Int] = [:]
    /// Folded last words of names → entry indices (only those that are unique are used).
    private var byLastWord: [String: [Int]] = [:]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + entry.aliases {
                let key = Self.fold(name)
                if byName[key] == nil { byName[key] = index }
                if let last = key.split(separator: " ").last, last.count > 2 {
                    byLastWord[String(last), default: []].append(index)
                }
            }
        }
    }

    /// The entry a name in the text refers to: the same name or alias (case, apostrophes, a leading
    /// "the" and title dots aside), or the one entry whose name ends with the same surname.
    public func entry(for name: String) -> Entry? {
        guard !entries.isEmpty else { return nil }
        let key = Self.fold(name)
        if let index = byName[key] { return entries[index] }
        if key.hasPrefix("the "), let index = byName[String(key.dropFirst(4))] { return entries[index] }
        if let index = byName["the " + key] { return entries[index] }
        let words = key.split(separator: " ")
        guard let last = words.last, last.count > 2 else { return nil }
        let capitalised = name.split(separator: " ").filter { $0.first?.isUppercase == true }
        // A surname alone, or with a title: "Pompeo", "Mr. Pompeo", "Gen. Reyes".
        guard capitalised.count <= 2, let indices = byLastWord[String(last)], Set(indices).count == 1,
              let index = indices.first else { return nil }
        return entries[index]
    }

    /// Lower case, typographic apostrophes and quotes folded, dots dropped, runs of space collapsed.
    static func fold(_ name: String) -> String {
        // Most names are ASCII: fold their bytes directly, without lower-casing a copy first.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var lastWasSpace = true
            for byte in name.utf8 {
                switch byte {
                case 0x2E: continue
                case 0x20, 0x09, 0x0A:
                    if !lastWasSpace { bytes.append(0x20) }
                    lastWasSpace = true
                case 0x41...0x5A: bytes.append(byte + 32); lastWasSpace = false
                default: bytes.append(byte); lastWasSpace = false
                }
            }
            while bytes.last == 0x20 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in name.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2019, 0x2018, 0x02BC: out.append("'"); lastWasSpace = false
            case 0x2E: continue
            case 0x20, 0x09, 0x0A, 0xA0:
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            default: out.append(scalar); lastWasSpace = false
            }
        }
        var folded = String(out)
        while folded.hasSuffix(" ") { folded.removeLast() }
        return folded
    }
}
