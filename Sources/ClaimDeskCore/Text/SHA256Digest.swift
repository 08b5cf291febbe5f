import CLibCrypto
import Foundation

/// SHA-256 of UTF-8 text, as 64 lower-case hex digits (OpenSSL's libcrypto).
public enum SHA256Digest {
    public static func hex(of text: String) -> String {
        var utf8 = Array(text.utf8)
        return hex(ofBytes: &utf8)
    }

    public static func hex(ofBytes bytes: inout [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(ofRaw: $0) }
    }

    /// SHA-256 of a file's bytes (a session snapshot), without copying them.
    public static func hex(ofData data: Data) -> String {
        data.withUnsafeBytes { hex(ofRaw: $0) }
    }

    private static func hex(ofRaw raw: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let ok = digest.withUnsafeMutableBufferPointer { out in
            claimdesk_sha256(raw.baseAddress, raw.count, out.baseAddress)
        }
        precondition(ok == 1, "libcrypto's SHA-256 failed")
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
