import Crypto
import Foundation

/// SHA-256 of UTF-8 text, as 64 lower-case hex digits.
///
/// Computed by swift-crypto (on Linux its vendored BoringSSL, with the processor's SHA
/// instructions where it has them), linked into the binary: nothing is loaded on first use,
/// so a session of 1,000 annotations hashes its 1 MB at once, where opening libcrypto first
/// cost about a millisecond (docs/decisions.md).
public enum SHA256Digest {
    /// From this many bytes a hash is worth handing to another thread (``SnapshotFingerprint``,
    /// ``ArticleText/hashInBackground(_:)``); below it, hashing costs about what the handover does.
    static let worthAnotherThread = 64 * 1024

    /// Hashes the string's UTF-8 where it lies (an article's text is not copied to be hashed).
    public static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { hex(ofRaw: UnsafeRawBufferPointer($0)) }
    }

    public static func hex(ofBytes bytes: inout [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(ofRaw: $0) }
    }

    /// SHA-256 of a file's bytes (a session snapshot), without copying them.
    public static func hex(ofData data: Data) -> String {
        data.withUnsafeBytes { hex(ofRaw: $0) }
    }

    /// The 32-byte digest of `raw`.
    static func digest(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        Array(SHA256.hash(data: raw))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(ofRaw raw: UnsafeRawBufferPointer) -> String {
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest(raw) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
