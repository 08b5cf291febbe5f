#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a session document is cut for two readers (``Session/splitReading(_:startThread:)``): at
/// the comma between two claims, about where what comes before it and what comes after cost the
/// same to read.
///
/// Found by a scan of the document's structure that builds nothing (`memchr` finds where each
/// string ends): about a tenth of what reading the same bytes costs. The scan checks little; the
/// two readers check everything, and a cut they do not both meet exactly is not used.
struct SessionDocumentCut {
    /// The offset of the comma before the claim numbered `element` (from 0).
    var offset: Int
    /// How many claims come before the cut.
    var element: Int
    /// Where the key `claims` lies, without its quotes: the reader after the cut stands inside it.
    var claimsKey: Range<Int>

    /// What a byte of the articles costs to read against a byte of annotations (its code points
    /// are counted and marked, but no records are built from it). On generated sessions of 1,000
    /// and 10,000 annotations 0.4, 0.7 and 1.0 gave the same times within noise; 0.4 was the best
    /// at 1,000, and still against 0.1, 0.8, 1.2 and 1.6 once the texts were no longer decoded.
    static let articleByteWeight = 0.4

    /// The cut of a document whose top-level object holds `articles` before `claims`, an array of
    /// at least two claims; nil otherwise (the document is then read by one reader).
    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> SessionDocumentCut? {
        var scan = StructureScan(bytes)
        // A UTF-8 byte order mark is skipped, as the reader skips it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scan.index = 3 }
        guard scan.next() == 0x7B else { return nil }
        scan.index += 1
        var articleBytes: Int?
        while true {
            guard scan.next() == 0x22, let key = scan.plainKey() else { return nil }
            guard scan.next() == 0x3A else { return nil }
            scan.index += 1
            guard scan.next() != nil else { return nil }
            let valueStart = scan.index
            if bytes[key].elementsEqual("claims".utf8) {
                guard let articleBytes, bytes[valueStart] == 0x5B else { return nil }
                let weighted = Int(articleByteWeight * Double(articleBytes))
                return scan.cutClaims(openingAt: valueStart, key: key, target: (bytes.count + valueStart - weighted) / 2)
            }
            guard scan.skipValue() else { return nil }
            if bytes[key].elementsEqual("articles".utf8) { articleBytes = scan.index - valueStart }
            guard scan.next() == 0x2C else { return nil }
            scan.index += 1
        }
    }

    /// A walk over JSON structure that builds nothing and validates little.
    private struct StructureScan {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next byte that is not white space, with `index` on it; nil at the end.
        mutating func next() -> UInt8? {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return bytes[index]
                }
            }
            return nil
        }

        /// The key whose opening quote is at `index`, if it is plain (no escape); `index` after it.
        mutating func plainKey() -> Range<Int>? {
            let start = index + 1
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case 0x22:
                    index = i + 1
                    return start..<i
                case 0x5C: return nil
                default: i += 1
                }
            }
            return nil
        }

        /// Passes over the value at `index`; false when the bytes end first.
        mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case 0x22: return skipString()
            case 0x7B, 0x5B:
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x22:
                        guard skipString() else { return false }
                        continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                // A number, true, false or null: up to the next structural byte or white space.
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: return true
                    default: index += 1
                    }
                }
                return false
            }
        }

        /// Passes over the string whose opening quote is at `index`: `memchr` finds each quote,
        /// and one is the string's end unless an odd run of backslashes stands right before it.
        mutating func skipString() -> Bool {
            guard let base = bytes.baseAddress else { return false }
            let first = index + 1
            var i = first
            while i < bytes.count, let found = memchr(base + i, 0x22, bytes.count - i) {
                let quote = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                // Escaped when an odd number of backslashes stand right before it.
                var backslashes = 0
                while quote - backslashes > first, bytes[quote - backslashes - 1] == 0x5C { backslashes += 1 }
                if backslashes % 2 == 0 {
                    index = quote + 1
                    return true
                }
                i = quote + 1
            }
            return false
        }

        /// The first comma between two elements of the array opening at `open` at or after
        /// `target`, or the last one when the array ends before it.
        mutating func cutClaims(openingAt open: Int, key: Range<Int>, target: Int) -> SessionDocumentCut? {
            index = open + 1
            guard let first = next(), first != 0x5D else { return nil }
            var element = 0
            var last: SessionDocumentCut?
            while true {
                guard skipValue() else { return nil }
                element += 1
                switch next() {
                case 0x2C:
                    let cut = SessionDocumentCut(offset: index, element: element, claimsKey: key)
                    if index >= target { return cut }
                    last = cut
                    index += 1
                    guard next() != nil else { return nil }
                case 0x5D: return last
                default: return nil
                }
            }
        }
    }
}
