/// A short word folded to lower case and packed five bits a letter into one integer.
///
/// The lexicons are looked up at every candidate boundary; hashing one
/// `UInt64` instead of building a `String` keeps segmentation allocation-free.
/// Up to 12 letters fit; the degree and ordinal signs (as in "N°") count as a letter.
enum WordKey {
    static let maximumLength = 12

    @inline(__always) static func code(_ v: UInt32) -> UInt64? {
        if v &- 97 < 26 { return UInt64(v - 96) }
        if v &- 65 < 26 { return UInt64(v - 64) }
        if v == 0xB0 || v == 0xBA { return 27 }
        return nil
    }

    /// The key of the letters in `range`, skipping full stops when `skippingDots` (for "U.S." → "us").
    static func make(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, skippingDots: Bool = false) -> UInt64? {
        var key: UInt64 = 0
        var length = 0
        for i in range {
            let v = t[i]
            if skippingDots && v == 46 { continue }
            guard let c = code(v) else { return nil }
            length += 1
            if length > maximumLength { return nil }
            key = key << 5 | c
        }
        return length == 0 ? nil : key
    }

    /// The keys of a lexicon list written in Swift source: words between spaces (or line ends), in order.
    ///
    /// One pass over the scalars, each word keyed as `make(_ word:)` keys it: splitting
    /// the lists into `Substring`s and `String`s was a visible share of the shell's start.
    static func keys(inList list: String) -> [UInt64] {
        var keys: [UInt64] = []
        var key: UInt64 = 0
        var length = 0
        for scalar in list.unicodeScalars {
            if scalar == " " || scalar == "\n" {
                if length > 0 { keys.append(key) }
                key = 0
                length = 0
                continue
            }
            if scalar == "." { continue }
            guard let c = code(scalar.value) else { preconditionFailure("lexicon list has a character no key holds: \(scalar)") }
            length += 1
            precondition(length <= maximumLength, "a lexicon word is too long for a key")
            key = key << 5 | c
        }
        if length > 0 { keys.append(key) }
        return keys
    }

    /// The key of a lexicon entry written in Swift source.
    static func make(_ word: String) -> UInt64 {
        var key: UInt64 = 0
        var length = 0
        for scalar in word.unicodeScalars where scalar != "." {
            guard let c = code(scalar.value) else { preconditionFailure("lexicon word \(word) has a character no key holds") }
            length += 1
            precondition(length <= maximumLength, "lexicon word \(word) is too long for a key")
            key = key << 5 | c
        }
        return key
    }
}
