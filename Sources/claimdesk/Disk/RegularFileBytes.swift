import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A regular file's bytes read whole into a buffer that is never zeroed first, for reading a
/// large article once.
///
/// `Data` zeroes every page before the read overwrites it, which cost a tenth of `claimdesk
/// segment`. A memory mapping would avoid the copy too, but a file truncated by another program
/// while mapped ends the process with a bus error; reading into an uninitialised buffer costs one
/// copy from the kernel's cache and fails in words instead.
enum RegularFileBytes {
    /// The bytes of the open file `fd`, or nil if it is not a non-empty regular file of at most
    /// `byteLimit` bytes (a pipe or `/proc` file reports no size: the caller reads it as usual).
    /// A file that shrinks while it is read yields the bytes that were there.
    static func read(_ fd: Int32, byteLimit: Int) throws(HostError) -> [UInt8]? {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size > 0, size <= byteLimit else { return nil }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = Glibc.read(fd, base + count, size - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if failure != 0 { throw HostError(POSIXFile.describe(failure)) }
        return bytes
    }
}
