/// Finds where the items of a list run inline in a paragraph ("1. First 2. Second",
/// "a) one b) two", "• 9. Nine • 10. Ten"): each item is a sentence even
/// without a full stop before it.
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
        var style: Style
        /// The marker's value read as a number, lower letter, upper letter, lower Roman, upper Roman (0: not readable so).
        var values: (Int, Int, Int, Int, Int)
        var opensSentence: Bool

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

    /// Positions (sorted) where a new sentence must start: list items and bullets.
    func forcedBoundaries(_ t: UnsafeBufferPointer<UInt32>, _ p: Range<Int>) -> [Int] {
        var bullets: [Int] = []
        var markers: [Marker] = []
        var k = p.lowerBound
        while k < p.upperBound {
            let v = t[k]
            if v == 46 || v == 41 {
                if let marker = marker(endingAt: k, t, p) { markers.append(marker) }
            } else if v >= 0x2022, ScalarClass.isBullet(v), k > p.lowerBound, ScalarClass.isSpace(t[k - 1]) {
                bullets.append(k)
            }
            k += 1
        }
        guard markers.count >= 2 else { return bullets }
        let items = listItems(markers)
        guard !items.isEmpty else { return bullets }
        var unique: [Int] = []
        for position in (bullets + items).sorted() where unique.last != position { unique.append(position) }
        return unique
    }

    /// Items after the first of every run of markers that counts up from a sentence start.
    func listItems(_ markers: [Marker]) -> [Int] {
        var items: [Int] = []
        var used = [Bool](repeating: false, count: markers.count)
        for h in markers.indices where markers[h].opensSentence && !used[h] {
            for kind in 0..<5 {
                var current = markers[h].value(kind)
                guard current > 0 else { continue }
                var chain: [Int] = []
                var j = h + 1
                while j < markers.count && j - h < 200 {
                    let candidate = markers[j]
                    if candidate.style == markers[h].style {
                        let value = candidate.value(kind)
                        if value == current + 1 {
                            chain.append(j)
                            current = value
                        } else if value != 0 {
                            break
                        }
                    }
                    j += 1
                }
                if !chain.isEmpty {
                    items.append(markers[h].position)  // the first item too: "Smith. a. here it is b. …"
                    for index in chain {
                        used[index] = true
                        items.append(markers[index].position)
                    }
                    break
                }
            }
        }
        return items
    }

    /// The marker whose closing `.` or `)` is at `k`, if the text there is one.
    func marker(endingAt k: Int, _ t: UnsafeBufferPointer<UInt32>, _ p: Range<Int>) -> Marker? {
        var style: Style
        var tokenEnd = k
        if t[k] == 46 {
            if k + 1 < p.upperBound && t[k + 1] == 41 {
                style = .dotParen
                guard k + 2 == p.upperBound || ScalarClass.isSpace(t[k + 2]) else { return nil }
            } else {
                style = .dot
                guard k + 1 < p.upperBound, ScalarClass.isSpace(t[k + 1]) else { return nil }
            }
        } else {
            if k > p.lowerBound && t[k - 1] == 46 { return nil }  // the `)` of "1.)", read at its `.`
            guard k + 1 == p.upperBound || ScalarClass.isSpace(t[k + 1]) else { return nil }
            style = .paren
        }
        // The token: up to three digits or up to five letters.
        var tokenStart = tokenEnd
        while tokenStart > p.lowerBound && tokenEnd - tokenStart <= 5 && ScalarClass.isAlphanumeric(t[tokenStart - 1]) {
            tokenStart -= 1
        }
        tokenEnd = k
        let length = tokenEnd - tokenStart
        guard length >= 1 && length <= 5 else { return nil }
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
            if let key = WordKey.make(t, tokenStart..<tokenEnd), let roman = AbbreviationLexicon.romanNumerals[key] {
                if lower { values.3 = roman } else { values.4 = roman }
            }
            guard values.1 + values.2 + values.3 + values.4 > 0 else { return nil }
        }
        return Marker(position: position, style: style, values: values,
                      opensSentence: opensSentence(before: position, t, p))
    }

    /// Whether a marker at `position` stands where a sentence starts.
    func opensSentence(before position: Int, _ t: UnsafeBufferPointer<UInt32>, _ p: Range<Int>) -> Bool {
        var k = position
        while k > p.lowerBound && (ScalarClass.isSpace(t[k - 1]) || ScalarClass.isBullet(t[k - 1])) { k -= 1 }
        if k == p.lowerBound { return true }
        while k > p.lowerBound && ScalarClass.isCloser(t[k - 1]) { k -= 1 }
        guard k > p.lowerBound else { return true }
        let v = t[k - 1]
        return ScalarClass.isTerminal(v) || v == 58
    }
}
