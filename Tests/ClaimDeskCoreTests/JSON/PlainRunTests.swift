@testable import ClaimDeskCore
import Testing

/// Where a plain run of a JSON string ends (``JSONReader/plainRun(in:from:)``), sixteen bytes a
/// step, then eight, then one: the same answer as a byte-by-byte walk, wherever the stop falls.
@Suite struct PlainRunTests {
    /// The byte-by-byte walk the run must agree with.
    static func reference(_ bytes: [UInt8], from start: Int) -> (end: Int, ascii: Bool) {
        var i = start, ascii = true
        while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 {
            if bytes[i] >= 0x80 { ascii = false }
            i += 1
        }
        return (i, ascii)
    }

    static func run(_ bytes: [UInt8], from start: Int) -> (end: Int, ascii: Bool) {
        bytes.withUnsafeBufferPointer { JSONReader.plainRun(in: $0, from: start) }
    }

    /// Every stop byte at every place of runs up to 48 bytes long, from several starts, with a
    /// non-ASCII byte before the stop, after it, or none.
    @Test(arguments: [UInt8(0x22), 0x5C, 0x00, 0x0A, 0x1F])
    func agreesWithTheByteByByteWalk(stop: UInt8) {
        for length in 0...48 {
            for place in 0...length {
                for nonASCII in [-1, 0, place / 2, place + 1] where nonASCII < length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if nonASCII >= 0 { bytes[nonASCII] = 0xC3 }
                    if place < length { bytes[place] = stop }
                    for start in [0, 1, 7] where start <= length {
                        let got = Self.run(bytes, from: start), want = Self.reference(bytes, from: start)
                        #expect(got.end == want.end && got.ascii == want.ascii, "length \(length), stop at \(place), non-ASCII at \(nonASCII), from \(start)")
                    }
                }
            }
        }
    }

    /// Bytes just above the stops (space, `#`, `]`) and the top bit alone do not stop a run.
    @Test func bytesBesideTheStopsDoNotEndTheRun() {
        let bytes: [UInt8] = Array(repeating: 0x20, count: 17) + [0x23, 0x21, 0x5D, 0x5B, 0x7F, 0x80, 0xFF] + Array(repeating: 0x41, count: 20)
        #expect(Self.run(bytes, from: 0).end == bytes.count)
        #expect(Self.run(bytes, from: 0).ascii == false)
        #expect(Self.run(Array(bytes.prefix(21)), from: 0) == (21, true))
    }
}
