@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct SHA256DigestTests {
    /// FIPS 180-4 example vectors, through each of the three ways in.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func knownDigests(text: String, hex: String) {
        #expect(SHA256Digest.hex(of: text) == hex)
        var bytes = Array(text.utf8)
        #expect(SHA256Digest.hex(ofBytes: &bytes) == hex)
        #expect(SHA256Digest.hex(ofData: Data(text.utf8)) == hex)
        #expect(bytes.withUnsafeBytes { SHA256Digest.digest($0) }.map { String(format: "%02x", $0) }.joined() == hex)
    }

    /// A text hashes by its UTF-8 whatever its script, and a string that is a slice of a larger
    /// one (not contiguous UTF-8 of its own) hashes like a fresh copy.
    @Test func nonASCIIAndSlicedTextsHashTheirUTF8() {
        for text in ["“quoted” \u{FEFF}text", String(repeating: "خبر ", count: 500), "café\u{301}"] {
            var bytes = Array(text.utf8)
            #expect(SHA256Digest.hex(of: text) == SHA256Digest.hex(ofBytes: &bytes))
            let sliced = String(("xx" + text).dropFirst(2))
            #expect(SHA256Digest.hex(of: sliced) == SHA256Digest.hex(of: text))
        }
        #expect(SHA256Digest.hex(of: "abc") != SHA256Digest.hex(of: "abd"))
        // A slice against the FIPS 180-2 digest of "abc", not against the same code path.
        #expect(SHA256Digest.hex(of: String(("xx" + "abc").dropFirst(2))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
