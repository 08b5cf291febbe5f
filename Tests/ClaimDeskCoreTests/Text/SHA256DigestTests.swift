@testable import ClaimDeskCore
import Foundation
import Testing

@Suite struct SHA256DigestTests {
    /// FIPS 180-4 example vectors; the million a's is past the portable limit, so libcrypto hashes it.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func knownDigests(text: String, hex: String) {
        #expect(SHA256Digest.hex(of: text) == hex)
        // In Swift too, whether or not another test has loaded libcrypto by now.
        let portable = Array(text.utf8).withUnsafeBytes { SHA256Digest.digest($0, portableLimit: Int.max) }
        #expect(portable.map { String(format: "%02x", $0) }.joined() == hex)
    }

    /// The Swift rounds and libcrypto agree on every padding case (a tail of 0 to 64 bytes, one or
    /// two final blocks) and on inputs of several blocks with non-ASCII bytes.
    @Test func portableAndLibcryptoDigestsAgree() {
        for count in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4097, 70_001] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            bytes.withUnsafeBytes { raw in
                let portable = SHA256Digest.digest(raw, portableLimit: Int.max)
                let library = SHA256Digest.digest(raw, portableLimit: -1)
                #expect(portable == library, "\(count) bytes")
                #expect(portable.count == 32)
            }
        }
    }

    @Test func theMillionAsHashInSwiftAsInLibcrypto() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let portable = bytes.withUnsafeBytes { SHA256Digest.digest($0, portableLimit: Int.max) }
        #expect(portable.map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Announcing more text than the Swift limit loads libcrypto; from then on short inputs are
    /// hashed there too, to the same digests as in Swift.
    @Test func announcingMuchTextLoadsLibcryptoForShortInputsToo() {
        SHA256Digest.willHash(totalBytes: SHA256Digest.portableLimit + 1)
        #expect(SHA256Digest.libraryLoaded)
        for text in ["", "abc", "“quoted” ﻿text", String(repeating: "خبر ", count: 500)] {
            var bytes = Array(text.utf8)
            let portable = bytes.withUnsafeBytes { SHA256Digest.digest($0, portableLimit: Int.max) }
            let hex = portable.map { String(format: "%02x", $0) }.joined()
            #expect(SHA256Digest.hex(of: text) == hex, "\(text.prefix(10))")
            #expect(SHA256Digest.hex(ofBytes: &bytes) == hex)
        }
    }
}
