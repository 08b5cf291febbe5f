import CLibCrypto
import Foundation

/// SHA-256 of UTF-8 text, as 64 lower-case hex digits.
///
/// Inputs up to ``portableLimit`` bytes are hashed by ``PortableSHA256``; larger ones by OpenSSL's
/// libcrypto, opened on the first large input (see CLibCrypto's shim.h), so that starting the
/// shell with a short article loads no crypto library at all.
public enum SHA256Digest {
    /// The largest input hashed in Swift: about 1.5 ms there (150–190 MB/s), about what loading
    /// libcrypto costs; libcrypto then hashes several times faster per byte.
    static let portableLimit = 256 * 1024

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
        hex(of: digest(raw))
    }

    /// The 32-byte digest of `raw`, from libcrypto for large inputs when it can be loaded.
    static func digest(_ raw: UnsafeRawBufferPointer, portableLimit: Int = portableLimit) -> [UInt8] {
        if raw.count > portableLimit {
            var digest = [UInt8](repeating: 0, count: 32)
            let ok = digest.withUnsafeMutableBufferPointer { out in
                claimdesk_sha256(raw.baseAddress, raw.count, out.baseAddress)
            }
            if ok == 1 { return digest }
        }
        return PortableSHA256.digest(raw)
    }

    private static func hex(of digest: [UInt8]) -> String {
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
