import Foundation

/// The two normalisations every article text gets when it is loaded.
///
/// Offsets are counted in code points of the normalised text, so the same
/// file always gives the same offsets whatever editor or platform wrote it.
public enum TextNormalizer {
    /// Line ends to `\n` (CRLF and lone CR), then Unicode NFC.
    ///
    /// Only the pieces of text the quick check cannot vouch for (``NFCQuickCheck``) go through
    /// the (slow) full normalisation; the text is rebuilt only if one of them changed.
    public static func normalize(_ text: String) -> String {
        var unified = text
        if containsCarriageReturn(unified) {
            unified = unified.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        let rebuilt: String? = unified.withUTF8 { utf8 in
            let runs = NFCQuickCheck.suspectRuns(utf8)
            guard !runs.isEmpty else { return nil }
            var replaced: [(range: Range<Int>, nfc: String)] = []
            for range in mergedRuns(runs) {
                let piece = UnsafeBufferPointer(rebasing: utf8[range])
                let nfc = String(decoding: piece, as: UTF8.self).precomposedStringWithCanonicalMapping
                if !nfc.utf8.elementsEqual(piece) { replaced.append((range, nfc)) }
            }
            guard !replaced.isEmpty else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 64)
            var copied = 0
            for (range, nfc) in replaced {
                bytes.append(contentsOf: utf8[copied..<range.lowerBound])
                bytes.append(contentsOf: nfc.utf8)
                copied = range.upperBound
            }
            bytes.append(contentsOf: utf8[copied...])
            return String(decoding: bytes, as: UTF8.self)
        }
        return rebuilt ?? unified
    }

    /// Suspect runs less than this many bytes apart are normalised in one call: what lies between
    /// them is already NFC and starts at a boundary, and each call has a fixed cost.
    static let mergeGap = 48

    private static func mergedRuns(_ runs: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        merged.reserveCapacity(runs.count)
        for run in runs {
            if let last = merged.last, run.lowerBound - last.upperBound < mergeGap {
                merged[merged.count - 1] = last.lowerBound..<run.upperBound
            } else {
                merged.append(run)
            }
        }
        return merged
    }

    /// Whether the text holds a CR, found with `memchr` rather than byte by byte.
    static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return false }
            return memchr(base, 0x0D, utf8.count) != nil
        }
    }

    /// A quick check that lets most news text skip the (slow) full NFC pass: true only when
    /// ``NFCQuickCheck`` finds nothing that might change.
    public static func isKnownNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { NFCQuickCheck.isKnownNFC($0) }
    }
}
