/// Follows the items of a list that runs inline in a paragraph ("1. First 2. Second",
/// "a) one b) two", "• 9. Nine • 10. Ten"): each item is a sentence even
/// without a full stop before it. The scanner hands it each marker as it meets it.
///
/// A marker is a number (up to three digits), a letter or a small Roman
/// numeral written `1.`, `1.)`, `1)` or `(1)` after white space or a bullet.
/// Markers only make a list when the first one opens a sentence (paragraph
/// start, after `.`, `!`, `?` or `:`) and the next ones count up from it in the
/// same style, so "for 1. above … for 2. above" and "Albert I. Jones" stay
/// whole. A bullet after white space always starts a new item.
struct ListMarkerFinder {
    enum Style: UInt8 { case dot, dotParen, paren, enclosed }

    struct Marker {
        /// Where the item starts: the marker, or the bullet or bracket glued to it.
        var position: Int
        /// Just past the marker's closing `.` or `)`.
        var end: Int
        var style: Style
        /// The marker's value read as a number, lower letter, upper letter, lower Roman, upper Roman (0: not readable so).
        var values: (Int, Int, Int, Int, Int)
        var opensSentence: Bool
        /// The marker comes right after a colon ("three parts: 1. …").
        var followsColon: Bool

        func value(_ kind: Int) -> Int {
            switch kind {
            case 0: values.0
            case 1: values.1
            case 2: values.2
            case 3: values.3
            default: values.4
            }
        }
    }

    /// Markers seen so far in the paragraph, and which of them continue a list.
    private var markers: [Marker] = []
    private var inList: [Bool] = []

    /// Records the marker and, if it continues a list from one seen earlier (same style, the
    /// next value, and that one opening a sentence or itself an item), returns that earlier
    /// marker: both then start sentences.
    mutating func add(_ marker: Marker) -> Marker? {
        var previous: Int?
        for kind in 0..<5 {
            let value = marker.value(kind)
            guard value > 0 else { continue }
            // The latest marker of the same style readable in this kind.
            var j = markers.count - 1
            while j >= 0 && j >= markers.count - 200 {
                if markers[j].style == marker.style && markers[j].value(kind) > 0 { break }
                j -= 1
            }
            guard j >= 0, j >= markers.count - 200 else { continue }
            if markers[j].value(kind) + 1 == value && (markers[j].opensSentence || inList[j]) {
                previous = j
                break
            }
        }
        markers.append(marker)
        inList.append(previous != nil)
        guard let previous else { return nil }
        inList[previous] = true
        return markers[previous]
    }

    /// The marker whose closing `.` or `)` is at `k`, if the text there is one.
    func marker(endingAt k: Int, _ t: UnsafeBufferPointer<UInt32>, _ p: Range<Int>) -> Marker? {
        // Cheap rejections first: most full stops end long words.
        guard k > p.lowerBound, ScalarClass.isAlphanumeric(t[k - 1]) else { return nil }
        var tokenStart = k - 1
        while tokenStart > p.lowerBound && ScalarClass.isAlphanumeric(t[tokenStart - 1]) {
            tokenStart -= 1
            if k - tokenStart > 5 { return nil }
        }
        let tokenEnd = k
        let length = tokenEnd - tokenStart
        var style: Style
        if t[k] == 46 {
            if k + 1 < p.upperBound && t[k + 1] == 41 {
                style = .dotParen
                guard k + 2 == p.upperBound || ScalarClass.isSpace(t[k + 2]) else { return nil }
            } else {
                style = .dot
                guard k + 1 < p.upperBound, ScalarClass.isSpace(t[k + 1]) else { return nil }
            }
        } else {
            guard k + 1 == p.upperBound || ScalarClass.isSpace(t[k + 1]) else { return nil }
            style = .paren
        }
        var position = tokenStart
        if style == .paren && tokenStart > p.lowerBound && t[tokenStart - 1] == 40 {
            style = .enclosed
            position -= 1
        }
        if position > p.lowerBound && ScalarClass.isBullet(t[position - 1]) { position -= 1 }
        guard position == p.lowerBound || ScalarClass.isSpace(t[position - 1]) else { return nil }
        // A bullet before the marker ("• 10.") starts the item.
        var b = position
        while b > p.lowerBound && ScalarClass.isSpace(t[b - 1]) && position - b < 4 { b -= 1 }
        if b < position && b > p.lowerBound && ScalarClass.isBullet(t[b - 1]) { position = b - 1 }

        var values = (0, 0, 0, 0, 0)
        let first = t[tokenStart]
        if ScalarClass.isASCIIDigit(first) {
            guard length <= 3 else { return nil }
            var number = 0
            for i in tokenStart..<tokenEnd {
                guard ScalarClass.isASCIIDigit(t[i]) else { return nil }
                number = number * 10 + Int(t[i] - 48)
            }
            values.0 = number
        } else {
            let lower = ScalarClass.isASCIILower(first)
            for i in tokenStart..<tokenEnd {
                let v = t[i]
                guard lower ? ScalarClass.isASCIILower(v) : ScalarClass.isASCIIUpper(v) else { return nil }
            }
            if length == 1 {
                let ordinal = Int((first | 0x20) - 96)
                if lower { values.1 = ordinal } else { values.2 = ordinal }
            }
            var romanLetters = true
            for i in tokenStart..<tokenEnd {
                switch t[i] | 0x20 {
                case 105, 118, 120: continue  // i v x
                default: romanLetters = false
                }
            }
            if romanLetters, let key = WordKey.make(t, tokenStart..<tokenEnd),
               let roman = AbbreviationLexicon.romanNumerals[key] {
                if lower { values.3 = roman } else { values.4 = roman }
            }
            guard values.1 + values.2 + values.3 + values.4 > 0 else { return nil }
        }
        var before = position
        while before > p.lowerBound && ScalarClass.isSpace(t[before - 1]) { before -= 1 }
        return Marker(position: position, end: k + 1, style: style, values: values,
                      opensSentence: opensSentence(before: position, t, p),
                      followsColon: before > p.lowerBound && t[before - 1] == 58)
    }

    /// Whether a marker at `position` stands where a sentence starts.
    func opensSentence(before position: Int, _ t: UnsafeBufferPointer<UInt32>, _ p: Range<Int>) -> Bool {
        var k = position
        while k > p.lowerBound && (ScalarClass.isSpace(t[k - 1]) || ScalarClass.isBullet(t[k - 1])) { k -= 1 }
        if k == p.lowerBound { return true }
        while k > p.lowerBound && ScalarClass.isCloser(t[k - 1]) { k -= 1 }
        guard k > p.lowerBound else { return true }
        let v = t[k - 1]
        if v == 46 {
            // Not after an abbreviation that stands before numbers or names: "No. 3.", "p. 5.", "Gen. 4."
            var w = k - 1
            while w > p.lowerBound && ScalarClass.isASCIILower(t[w - 1] | 0x20) && k - 1 - w < 8 { w -= 1 }
            if w > p.lowerBound && t[w - 1] == 46 {
                // A dotted abbreviation ("a.m.", "U.S."): only "e.g." and its kind stand before what follows.
                while w > p.lowerBound && (t[w - 1] == 46 || ScalarClass.isASCIILower(t[w - 1] | 0x20)) && k - w < 12 {
                    w -= 1
                }
                guard let key = WordKey.make(t, w..<(k - 1), skippingDots: true) else { return true }
                return !(AbbreviationLexicon.dotted[key]?.contains(.inner) ?? false)
            }
            if let key = WordKey.make(t, w..<(k - 1)) {
                if k - 1 - w == 1 { return false }
                if let rule = AbbreviationLexicon.words[key],
                   rule.contains(.beforeNumber) || rule.contains(.prepositive) || rule.contains(.inner) {
                    return false
                }
            }
            return true
        }
        return ScalarClass.isTerminal(v) || v == 58
    }
}
