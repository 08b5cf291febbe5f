@testable import ClaimDeskCore
import Foundation
import Testing

/// The writer's shortcuts (a word-at-a-time escape scan, numbers and times written digit by
/// digit) against the plain definitions they replace.
@Suite struct JSONWriterFastPathTests {
    static func needsEscapeByteByByte(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    @Test func theEscapeScanFindsEveryByteThatNeedsEscapingWhereverItIs() {
        let plain = Array("abcdefghijklmnopqrstuvwxyz é😀".utf8)
        for length in 0...40 {
            let base = (0..<length).map { plain[$0 % plain.count] }
            #expect(!base.withUnsafeBufferPointer(JSONWriter.needsEscape))
            for position in 0..<length {
                for special: UInt8 in [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C] {
                    var bytes = base
                    bytes[position] = special
                    #expect(bytes.withUnsafeBufferPointer(JSONWriter.needsEscape), "byte \(special) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func theEscapeScanAgreesOnRandomBytes() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...48, using: &random)
            // Mostly bytes near the ones that matter, so both answers come up often.
            let bytes = (0..<length).map { _ in
                UInt8.random(in: 0...255, using: &random) | (Bool.random(using: &random) ? 0x20 : 0)
            }
            #expect(bytes.withUnsafeBufferPointer(JSONWriter.needsEscape) == Self.needsEscapeByteByByte(bytes), "\(bytes)")
        }
    }

    @Test(arguments: [0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Int.max, Int.min, AnnotationID.maximumNumber])
    func integersAreWrittenAsSwiftSpellsThem(value: Int) {
        var writer = JSONWriter(pretty: false)
        writer.int(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    @Test func timesAreWrittenAsFoundationFormatsThem() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = SeededGenerator(seed: 12)
        // From 1600 (before it, Foundation's calendar is Julian) to 9999-12-31, and the edges of
        // days and of a leap day.
        var seconds: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 253_402_300_799, -11_676_096_000]
        for _ in 0..<500 { seconds.append(Int64.random(in: -11_676_096_000...253_402_300_799, using: &random)) }
        for value in seconds {
            let time = Timestamp(secondsSince1970: value)
            var writer = JSONWriter(pretty: false)
            writer.timestamp(time)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(value)))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(expected)\"", "\(value)")
            #expect(time.description == expected)
        }
    }

    @Test func aKeyWrittenFromItsSpellingIsTheSameAsOneWrittenByName() {
        for pretty in [false, true] {
            for spelling in [JSONWriter.Spelling.standard, .encoderCompatible] {
                var byName = JSONWriter(pretty: pretty, spelling: spelling)
                var bySpelling = JSONWriter(pretty: pretty, spelling: spelling)
                byName.beginObject()
                bySpelling.beginObject()
                for key in ["a", "b\"q", "c\\", "d\u{1}", "é"] {
                    byName.key(key)
                    byName.int(1)
                    bySpelling.key(JSONWriter.EncodedKey(key))
                    bySpelling.int(1)
                }
                byName.endObject()
                bySpelling.endObject()
                #expect(byName.bytes == bySpelling.bytes)
            }
        }
    }
}
