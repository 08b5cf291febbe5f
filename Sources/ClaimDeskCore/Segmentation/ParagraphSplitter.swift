/// Finds paragraphs: blank lines always separate them, and inside a block of
/// lines each line break is a paragraph break unless it only wraps a sentence.
///
/// Articles reach ClaimDesk in three shapes: blank-line separated
/// paragraphs, one paragraph per line (copied from a web page), and
/// hard-wrapped wire copy. A line break wraps a sentence when
/// - the line does not end a sentence, has white space before the break and
///   the next line starts in lower case, with a digit or a bracket
///   ("It was a cold \nnight"), or
/// - the next line starts with punctuation that only follows text (a stray
///   ". " left by PDF extraction), or
/// - the line does not end a sentence, the next line starts with a lower-case
///   word, and that run of lines reaches a full stop ("This is a sentence\ncut
///   off in the middle."); lines that never reach one are a list ("features\n
///   contact manager"), one item a paragraph.
/// A block of short lines (at most 120 code points) with such a wrap is
/// hard-wrapped text: there every full-width line continues the paragraph,
/// and a short or indented line still breaks it (a headline, a paragraph end).
struct ParagraphSplitter {
    /// Lines longer than this are paragraphs of their own, never wrapped text.
    static let wrapWidthLimit = 120

    struct Line {
        var start: Int
        var end: Int
        var contentStart: Int
        var contentEnd: Int
        var length: Int { contentEnd - contentStart }
    }

    func paragraphs(_ t: UnsafeBufferPointer<UInt32>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(t.count / 400 + 1)
        var block: [Line] = []
        let n = t.count
        var lineStart = 0
        while true {
            var e = lineStart
            var endsBlock = false
            while e < n {
                let v = t[e]
                if v < 0x0E {
                    if v == 10 || v == 11 { break }
                    if v == 12 { endsBlock = true; break }
                } else if v >= 0x85 && (v == 0x85 || v == 0x2028) {
                    break
                } else if v == 0x2029 {
                    endsBlock = true
                    break
                }
                e += 1
            }
            var cs = lineStart
            while cs < e && ScalarClass.isSpace(t[cs]) { cs += 1 }
            var ce = e
            while ce > cs && ScalarClass.isSpace(t[ce - 1]) { ce -= 1 }
            if cs == ce {
                flush(&block, t, into: &result)
            } else {
                block.append(Line(start: lineStart, end: e, contentStart: cs, contentEnd: ce))
                if endsBlock { flush(&block, t, into: &result) }
            }
            if e >= n { break }
            lineStart = e + 1
        }
        flush(&block, t, into: &result)
        return result
    }

    private func flush(_ block: inout [Line], _ t: UnsafeBufferPointer<UInt32>, into result: inout [Range<Int>]) {
        defer { block.removeAll(keepingCapacity: true) }
        guard let first = block.first else { return }
        if block.count == 1 {
            result.append(first.contentStart..<first.contentEnd)
            return
        }
        let soft = softBreaks(block, t)
        var paragraphStart = first.contentStart
        for k in 0..<(block.count - 1) where !soft[k] {
            result.append(paragraphStart..<block[k].contentEnd)
            paragraphStart = block[k + 1].contentStart
        }
        result.append(paragraphStart..<block[block.count - 1].contentEnd)
    }

    /// For each line break in the block (after line k), whether it only wraps a sentence.
    func softBreaks(_ block: [Line], _ t: UnsafeBufferPointer<UInt32>) -> [Bool] {
        let m = block.count
        var endsSentence = [Bool](repeating: false, count: m)
        var maxLength = 0
        for k in 0..<m {
            endsSentence[k] = lineEndsSentence(block[k], t)
            maxLength = max(maxLength, block[k].length)
        }
        // Whether line k+1 continues line k with a lower-case word, and whether that run reaches a full stop.
        var continues = [Bool](repeating: false, count: m)
        for k in 0..<(m - 1) {
            continues[k] = !endsSentence[k] && startsWithLowercaseWord(block[k + 1], t)
        }
        var reachesStop = [Bool](repeating: false, count: m)
        reachesStop[m - 1] = endsSentence[m - 1]
        for k in stride(from: m - 2, through: 0, by: -1) {
            reachesStop[k] = endsSentence[k] || (continues[k] && reachesStop[k + 1])
        }
        var soft = [Bool](repeating: false, count: m - 1)
        var wrapped = false
        for k in 0..<(m - 1) {
            let line = block[k], next = block[k + 1]
            let spaceBeforeBreak = line.contentEnd < line.end
            if startsWithTrailingPunctuation(next, t) {
                soft[k] = true  // "…for pricing\n. Pricing": a stray stop belongs to the line above
            } else if !endsSentence[k] && spaceBeforeBreak && startsLikeContinuation(next, t) {
                soft[k] = true
            } else if continues[k] && reachesStop[k + 1] {
                soft[k] = true
            } else if !endsSentence[k] && maxLength <= Self.wrapWidthLimit && line.length * 10 >= maxLength * 6
                        && wrapsArabicScript(line, next, t) {
                soft[k] = true  // no lower case to go by: a full-width line cut inside Arabic-script words
            }
            if soft[k] { wrapped = true }
        }
        guard wrapped, maxLength <= Self.wrapWidthLimit else { return soft }
        // Hard-wrapped text: full-width lines continue; short or indented ones end a paragraph.
        for k in 0..<(m - 1) where !soft[k] {
            let indented = block[k + 1].contentStart > block[k + 1].start
                && !(block[k].contentStart > block[k].start)
            soft[k] = !indented && block[k].length * 10 >= maxLength * 6
        }
        return soft
    }

    /// Whether the line's last visible character (before closing quotes and brackets) ends a sentence or introduces a list.
    func lineEndsSentence(_ line: Line, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
        var k = line.contentEnd - 1
        while k > line.contentStart && ScalarClass.isCloser(t[k]) { k -= 1 }
        let v = t[k]
        return ScalarClass.isTerminal(v) || v == 58 /* : */
    }

    /// Whether a line ends in an Arabic-script letter, digit or comma and the next starts with an
    /// Arabic-script letter: the shape of hard-wrapped Arabic, Persian or Urdu copy.
    func wrapsArabicScript(_ line: Line, _ next: Line, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
        let last = t[line.contentEnd - 1], first = t[next.contentStart]
        guard ScriptLanguageDetector.isArabicScript(first), ScalarClass.isLetter(first) else { return false }
        return ScriptLanguageDetector.isArabicScript(last) && (ScalarClass.isAlphanumeric(last) || last == 0x060C)
    }

    /// Whether the line starts with a word in lower case throughout ("night", not "iPhone").
    func startsWithLowercaseWord(_ line: Line, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
        guard ScalarClass.isLower(t[line.contentStart]) else { return false }
        var k = line.contentStart + 1
        while k < line.contentEnd && ScalarClass.isLetter(t[k]) {
            if ScalarClass.isUpper(t[k]) { return false }
            k += 1
        }
        return true
    }

    /// Whether a line starts with punctuation that only ever follows text: `.`, `,`, `;`, `:`, `!`, `?`.
    func startsWithTrailingPunctuation(_ line: Line, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
        switch t[line.contentStart] {
        case 46, 44, 59, 58, 33, 63: true
        default: false
        }
    }

    /// Whether a line can continue the sentence of the line above: lower case, a digit or an opening bracket.
    func startsLikeContinuation(_ line: Line, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
        let v = t[line.contentStart]
        return ScalarClass.isLower(v) || ScalarClass.isDigit(v) || ScalarClass.isOpeningBracket(v)
    }
}
