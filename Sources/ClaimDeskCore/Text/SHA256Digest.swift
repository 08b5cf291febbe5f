import CLibCrypto
import Foundation
import Synchronization

/// SHA-256 of UTF-8 text, as 64 lower-case hex digits.
///
/// Inputs up to ``portableLimit`` bytes are hashed by ``PortableSHA256``; larger ones by OpenSSL's
/// libcrypto, opened on the first large input (see CLibCrypto's shim.h), so that starting the
/// shell with a short article loads no crypto library at all. Once libcrypto is loaded (a large
/// input, or ``willHash(totalBytes:)``) it hashes every input: its SHA extensions are about ten
/// times faster than Swift per byte, and a call costs no more.
public enum SHA256Digest {
    /// The largest input hashed in Swift: about 1.5 ms there (150–190 MB/s), about what loading
    /// libcrypto costs; libcrypto then hashes several times faster per byte.
    static let portableLimit = 256 * 1024

    /// From this many bytes a hash is worth handing to another thread (``SnapshotFingerprint``,
    /// ``ArticleText/hashInBackground(_:)``); below it, hashing costs about what the handover does.
    static let worthAnotherThread = 64 * 1024

    /// Set once libcrypto has hashed an input or been loaded by ``willHash(totalBytes:)``. Kept
    /// here, not in the C shim: the shim's static state is copied into every object file that
    /// inlines it, so a flag there set by one caller is not seen by another. `Atomic` needs
    /// macOS 15; before it, short inputs are hashed in Swift as they always were.
    @available(macOS 15, *)
    private enum LibraryState {
        static let ready = Atomic<Bool>(false)
    }

    private static func noteLibraryLoaded() {
        if #available(macOS 15, *) { LibraryState.ready.store(true, ordering: .releasing) }
    }

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

    private static func hex(ofRaw raw: UnsafeRawBufferPointer) -> String {
        hex(of: digest(raw))
    }

    /// Says that about `totalBytes` of text are about to be hashed in pieces (the articles of a
    /// session being opened): above ``portableLimit`` libcrypto is loaded now, since hashing
    /// them all in Swift would cost more than loading it. A session of 1,000 annotations over a
    /// hundred short articles spent a fifth of its opening in ``PortableSHA256``.
    public static func willHash(totalBytes: Int) {
        guard totalBytes > portableLimit, !libraryLoaded else { return }
        var probe: UInt8 = 0, digest = [UInt8](repeating: 0, count: 32)
        if claimdesk_sha256(&probe, 0, &digest) == 1 { noteLibraryLoaded() }
    }

    /// The 32-byte digest of `raw`: from libcrypto for large inputs, or any input once it is
    /// loaded; in Swift otherwise or when it cannot be loaded. A `portableLimit` of `.max` always
    /// hashes in Swift (the tests compare the two).
    static func digest(_ raw: UnsafeRawBufferPointer, portableLimit: Int = portableLimit) -> [UInt8] {
        if raw.count > portableLimit || (portableLimit != .max && libraryLoaded) {
            var digest = [UInt8](repeating: 0, count: 32)
            let ok = digest.withUnsafeMutableBufferPointer { out in
                claimdesk_sha256(raw.baseAddress, raw.count, out.baseAddress)
            }
            if ok == 1 {
                noteLibraryLoaded()
                return digest
            }
        }
        return PortableSHA256.digest(raw)
    }

    /// Whether libcrypto is loaded in this process (for tests of when it is).
    static var libraryLoaded: Bool {
        if #available(macOS 15, *) { return LibraryState.ready.load(ordering: .acquiring) }
        return false
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
