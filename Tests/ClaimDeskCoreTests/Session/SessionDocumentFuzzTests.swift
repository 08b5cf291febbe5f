@testable import ClaimDeskCore
import Foundation
import Testing

/// Byte-level damage to saved sessions (flips, cuts, insertions of hostile bytes), seeded: reading
/// must either refuse with one line that names where, or give a session that holds together and
/// saves and reads back as itself.
@Suite struct SessionDocumentFuzzTests {
    static let hostileBytes: [[UInt8]] = [
        Array("9223372036854775807".utf8), Array("-1".utf8), Array("\"\"".utf8), Array("null".utf8), Array("[]".utf8),
        Array("{}".utf8), [0x00], [0x1B], [0xFF], [0xC3], [0xED, 0xA0, 0x80], Array("\\u".utf8), Array("\\uD800".utf8),
        Array("1.".utf8), Array("-01".utf8), Array("\"c1\"".utf8), Array("\"src9\"".utf8), Array(",".utf8), Array("}".utf8),
        Array("]".utf8), Array(":".utf8), Array("\n".utf8), Array("\"javascript:x\"".utf8), Array("1e999".utf8),
    ]

    @Test(arguments: 0..<4)
    func damagedBytesAreRefusedWithAPlaceOrReadWhole(batch: Int) {
        var random = SeededGenerator(seed: UInt64(3000 + batch))
        var generator = SessionGenerator(seed: UInt64(77 + batch))
        let original = [UInt8](SessionDocument.encode(generator.session()))
        for round in 0..<600 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 40)))
                case 2: bytes.insert(contentsOf: random.pick(Self.hostileBytes), at: at)
                default: bytes = Array(bytes.prefix(at))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            do {
                let session = try SessionDocument.decode(Data(bytes))
                let again = try SessionDocument.decode(SessionDocument.encode(session))
                #expect(again == session, "batch \(batch) round \(round): a damaged file read back differently after a save")
            } catch {
                #expect(!error.message.isEmpty && !error.message.contains("\n"), "batch \(batch) round \(round): \(error.message)")
            }
        }
    }
}
