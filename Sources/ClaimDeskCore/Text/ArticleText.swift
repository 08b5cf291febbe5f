/// An article's normalised text with its code points and segmentation.
///
/// Everything that points into the text (selections, anchors, exports) counts code points;
/// ``CodePointOffsets`` turns them into places in the UTF-8, so slicing is O(length) without
/// the code points decoded.
///
/// The code points, the segmentation and the SHA-256 are each worked out on first use and shared
/// by copies. Opening a session of a hundred articles segmented every one of them before the
/// prompt, although a command reads one article at a time; and it decoded every text into code
/// points, four bytes each (1.5 MB for a hundred short articles: about 370 of the 1,280 pages a
/// fresh process first touched on the way to "Opened"), although opening only compares quotes
/// with the text, which UTF-8 does as well. The table of where code points start in the UTF-8
/// (``CodePointOffsets``, a quarter of a byte per code point) is made with the text, in the
/// pass that counts its code points.
public struct ArticleText: Sendable {
    public let string: String
    private let segmenter: SentenceSegmenter
    private let decoded = ComputedOnce<[Unicode.Scalar]>()
    /// Where the text's code points start in its UTF-8.
    let codePointOffsets: CodePointOffsets
    private let segmented = ComputedOnce<Segmentation>()
    private let digest = ComputedOnce<String>()

    public init(_ normalized: String, segmenter: SentenceSegmenter = SentenceSegmenter()) {
        string = normalized
        codePointOffsets = CodePointOffsets(normalized)
        self.segmenter = segmenter
    }

    /// Length in code points, counted from the UTF-8 when the text is made.
    public var count: Int { codePointOffsets.count }

    /// The text's code points, decoded on first use.
    public var scalars: [Unicode.Scalar] {
        decoded.value { Self.codePoints(of: string, count: count) }
    }

    /// The text's code points (`count` of them), decoded from its UTF-8 in one pass into an array
    /// made at its size: `Array(string.unicodeScalars)` walked the text twice (once to count)
    /// through the generic iterator.
    static func codePoints(of text: String, count: Int) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                // A String's UTF-8 is well-formed, which is all the segmenter's decoder asks.
                initialized = buffer.withMemoryRebound(to: UInt32.self) { SentenceSegmenter.decode(utf8, into: $0) }
            }
        }
    }

    /// Paragraphs and sentences, segmented on first use.
    public var segmentation: Segmentation {
        segmented.value { segmenter.segment(scalars) }
    }

    /// The SHA-256 of the text's UTF-8, as 64 lower-case hex digits, computed on first use.
    public var sha256: String {
        digest.value { SHA256Digest.hex(of: string) }
    }

    /// Starts hashing `texts` on another core, for ``sha256`` to find done. A session's
    /// integrity check asks for every article's digest once its annotations are read; hashed
    /// there, the articles of a session of 1,000 annotations were 7% of opening it. A text asked
    /// for while it is being hashed waits for that hash (``ComputedOnce``); none is hashed twice.
    static func hashInBackground(_ texts: [ArticleText]) {
        let total = texts.reduce(0) { $0 + $1.string.utf8.count }
        guard total >= SHA256Digest.worthAnotherThread else { return }
        // Urgent: the record checks, a few milliseconds on, wait for each text's ``sha256``, the
        // value that counts (this work's own is none).
        _ = BackgroundWork(urgent: true) {
            for text in texts { _ = text.sha256 }
        }
    }

    public var paragraphCount: Int { segmentation.paragraphs.count }
    public var sentenceCount: Int { segmentation.sentences.count }

    /// The text of a code-point range, clamped to the text: its UTF-8 copied whole, found through
    /// ``codePointOffsets`` (exporters take three slices of every annotation; encoding the decoded
    /// code points needed the whole text decoded first).
    public func slice(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        guard lower < upper else { return "" }
        var text = string
        return text.withUTF8 { utf8 in
            guard let bytes = codePointOffsets.utf8Range(ofCodePoints: lower..<upper, in: utf8) else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[bytes]), as: UTF8.self)
        }
    }

    /// The zero-based sentence whose span contains `offset`, or the nearest one before it.
    public func sentenceIndex(containing offset: Int) -> Int? {
        // A binary search over the sentences themselves: exports ask this of every annotation.
        let sentences = segmentation.sentences
        let after = BinarySearch.firstIndex(upTo: sentences.count) { sentences[$0].range.lowerBound <= offset }
        return after == 0 ? nil : after - 1
    }

    /// The zero-based paragraph whose span contains `offset`, or the nearest one before it.
    public func paragraphIndex(containing offset: Int) -> Int? {
        Self.lastIndex(in: segmentation.paragraphs, startingAtOrBefore: offset)
    }

    /// Zero-based indices of the sentences that overlap `range`.
    public func sentenceIndices(overlapping range: Range<Int>) -> Range<Int> {
        let sentences = segmentation.sentences
        let low = BinarySearch.firstIndex(upTo: sentences.count) { sentences[$0].range.upperBound <= range.lowerBound }
        var end = low
        while end < sentences.count, sentences[end].range.lowerBound < max(range.upperBound, range.lowerBound + 1) {
            end += 1
        }
        return low..<end
    }

    private static func lastIndex(in ranges: [Range<Int>], startingAtOrBefore offset: Int) -> Int? {
        let after = BinarySearch.firstIndex(upTo: ranges.count) { ranges[$0].lowerBound <= offset }
        return after == 0 ? nil : after - 1
    }
}
