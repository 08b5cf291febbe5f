/// Cuts a paragraph into words, punctuation and quotation marks for the suggestion rules.
///
/// Apostrophes and hyphens inside a word keep it whole ("O’Brien", "Iran's", "al-Nouri"); dots are
/// always separate marks, and the rules decide when "Gen." or "U.S." continues a name. A straight
/// double quote opens when nothing but space or an opening bracket precedes it, and closes otherwise.
enum SuggestionTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [SuggestionToken] {
        var tokens: [SuggestionToken] = []
        tokens.reserveCapacity(range.count / 5 + 1)
        var i = range.lowerBound
        let end = range.upperBound
        // One buffer for the ASCII letters of every word: a new array per word was a malloc and a free each.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(32)
        while i < end {
            let scalar = scalars[i]
            if isWordScalar(scalar) {
                let start = i
                // ASCII letters go through a byte buffer: appending scalars one by one to a
                // string was a tenth of the whole run.
                ascii.removeAll(keepingCapacity: true)
                var lower = String.UnicodeScalarView()
                var isASCII = true
                var capitalized = false
                var allCaps = true
                var arabic = false
                func append(_ c: Unicode.Scalar) {
                    if isASCII, c.value < 0x80 {
                        ascii.append(UInt8(c.value))
                        return
                    }
                    if isASCII {
                        isASCII = false
                        lower.append(contentsOf: String(decoding: ascii, as: UTF8.self).unicodeScalars)
                    }
                    lower.append(c)
                }
                while i < end {
                    let c = scalars[i]
                    if isWordScalar(c) {
                        let v = c.value
                        if v >= 0x41 && v <= 0x5A {
                            if i == start { capitalized = true }
                            append(Unicode.Scalar(UInt8(v + 32)))
                        } else if v < 0x80 {
                            if v >= 0x61 && v <= 0x7A { allCaps = false }
                            append(c)
                        } else {
                            if c.properties.isUppercase {
                                if i == start { capitalized = true }
                                for m in c.properties.lowercaseMapping.unicodeScalars { append(m) }
                            } else {
                                if c.properties.isLowercase { allCaps = false }
                                if (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) { arabic = true }
                                append(c)
                            }
                        }
                        i += 1
                    } else if isJoiner(c), i + 1 < end, isWordScalar(scalars[i + 1]), i > start {
                        append(c.value == 0x2019 || c.value == 0x02BC ? "'" : c)
                        i += 1
                    } else if c.value == 0x27 || c.value == 0x2019, i > start, scalars[i - 1] == "s",
                              i + 1 >= end || !isWordScalar(scalars[i + 1]) {
                        // A plural possessive: "Bakers' Federation", "Doctors’ unions".
                        append("'")
                        i += 1
                        break
                    } else {
                        break
                    }
                }
                let word = isASCII ? String(decoding: ascii, as: UTF8.self) : String(lower)
                tokens.append(SuggestionToken(range: start..<i, kind: .word, lower: word, isCapitalized: capitalized,
                                              isAllCaps: allCaps && capitalized, isArabic: arabic))
                continue
            }
            if scalar.value == 0x20 || scalar.value == 0x0A || scalar.value == 0x09 {
                i += 1
                continue
            }
            if scalar.properties.isWhitespace {
                i += 1
                continue
            }
            let kind = quoteKind(scalar, after: i > range.lowerBound ? scalars[i - 1] : nil,
                                 before: i + 1 < end ? scalars[i + 1] : nil)
            tokens.append(SuggestionToken(range: i..<(i + 1), kind: kind, lower: String(scalar), isCapitalized: false,
                                          isAllCaps: false, isArabic: false))
            i += 1
        }
        return tokens
    }

    /// Letters, digits and combining marks.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if v == 0x2019 || v == 0x2018 || v == 0x00AB || v == 0x00BB || v == 0x201C || v == 0x201D { return false }
        let properties = c.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Marks that stay inside a word when letters follow: apostrophes, hyphens, and the decimal
    /// point or thousands comma of a number is left to the rules (it is rare inside attributions).
    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x27, 0x2019, 0x02BC, 0x2D, 0x2010, 0x2011: true
        default: false
        }
    }

    static func quoteKind(_ c: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> SuggestionToken.Kind {
        switch c.value {
        case 0x201C, 0x00AB, 0x201E: return .openQuote
        case 0x201D, 0x00BB: return .closeQuote
        case 0x22:
            guard let previous else { return .openQuote }
            if previous.properties.isWhitespace || "([{—–-/".unicodeScalars.contains(previous) { return .openQuote }
            return .closeQuote
        default:
            return .punctuation
        }
    }
}
