import Dispatch
import Foundation

/// The SHA-256 of a session file's bytes (``SessionRecovery/fingerprint``), hashed on another
/// core while this one decodes the same bytes.
///
/// Hashed first and decoded after, the whole hash stood before the session: about a tenth of
/// opening at every size (25 ms of 250 at 100,000 annotations). The hash is pure, and the bytes
/// are read-only while both read them.
///
/// The memory of bytes already decoded is given back (``ReadBytesRelease``) only once they are
/// hashed: a release asked for before is held back and made when the hash is done, so the
/// hashing never reads a page given back.
final class SnapshotFingerprint: ReadBytesRelease, @unchecked Sendable {
    private let digest = HandedOver<String>()
    private let lock = NSLock()
    /// Whether the bytes are all hashed; guarded by `lock`.
    private var hashed = false
    /// The furthest release asked for while hashing; guarded by `lock`.
    private var heldBack = 0
    private let bytesRelease: (any ReadBytesRelease)?

    /// Starts hashing `data`: on another thread when it is large, at once otherwise.
    /// - Parameter bytesRelease: how the memory of `data` is given back, if it can be.
    init(of data: Data, releasing bytesRelease: (any ReadBytesRelease)?) {
        self.bytesRelease = bytesRelease
        guard data.count >= SHA256Digest.worthAnotherThread else {
            hashed = true
            digest.hand(SHA256Digest.hex(ofData: data))
            return
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let hex = SHA256Digest.hex(ofData: data)
            lock.lock()
            hashed = true
            if heldBack > 0 { bytesRelease?.release(upTo: heldBack) }
            lock.unlock()
            digest.hand(hex)
        }
    }

    /// The digest as 64 hex digits, waiting for the hash to end if it has not.
    var value: String { digest.value }

    func release(upTo offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        if hashed {
            bytesRelease?.release(upTo: offset)
        } else {
            heldBack = max(heldBack, offset)
        }
    }

    func restore() {
        lock.lock()
        defer { lock.unlock() }
        heldBack = 0
        bytesRelease?.restore()
    }

    /// This fingerprint as the reading's release, when the bytes' memory can be given back at all.
    var releasing: (any ReadBytesRelease)? { bytesRelease == nil ? nil : self }

    var releaseStep: Int { bytesRelease?.releaseStep ?? 4 << 20 }
}
