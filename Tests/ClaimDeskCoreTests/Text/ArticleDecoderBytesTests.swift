import Foundation
import Testing
@testable import ClaimDeskCore

/// Decoding from bytes the caller holds (a mapped file) answers exactly as decoding `Data` does.
@Suite struct ArticleDecoderBytesTests {
    static let inputs: [[UInt8]] = [
        Array("Plain text. Two sentences.".utf8),
        [0xEF, 0xBB, 0xBF] + Array("With a byte order mark.\r\nAnd CRLF.".utf8),
        Array("Cafe\u{301} decomposed, كَتَبَ marked.".utf8),
        [],
        Array(" \n\t\n ".utf8),
        Array("NUL\u{0} inside".utf8),
        Array("Bad ".utf8) + [0xC3, 0x28] + Array(" byte".utf8),
        [0xEF, 0xBB, 0xBF, 0xFF],
    ]

    @Test(arguments: inputs)
    func bytesDecodeAsDataDoes(bytes: [UInt8]) {
        let fromData = Result { () throws(ArticleInputError) -> String in try ArticleDecoder.decode(Data(bytes)) }
        let fromBytes = bytes.withUnsafeBytes { raw in
            Result { () throws(ArticleInputError) -> String in try ArticleDecoder.decode(bytes: raw) }
        }
        switch (fromData, fromBytes) {
        case (.success(let a), .success(let b)): #expect(a.unicodeScalars.elementsEqual(b.unicodeScalars))
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("Data gave \(fromData), bytes gave \(fromBytes)")
        }
    }

    @Test func bytesAreNormalisedAndTheMarkDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Poke\u{301}mon\r\nwon.".utf8)
        let text = try bytes.withUnsafeBytes { raw throws(ArticleInputError) in try ArticleDecoder.decode(bytes: raw) }
        #expect(text.unicodeScalars.elementsEqual("Pokémon\nwon.".unicodeScalars))
    }
}
