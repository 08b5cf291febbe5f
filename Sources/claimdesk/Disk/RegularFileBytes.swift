import ClaimDeskCore
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
    /// The bytes of the open file `fd`, or nil if it is not a non-empty regular file (a pipe or
    /// `/proc` file reports no size: the caller reads it as usual). A file over `byteLimit` bytes
    /// is refused before it is read. A file that shrinks while it is read yields the bytes that were there.
    static func read(_ fd: Int32, byteLimit: Int) throws(HostError) -> [UInt8]? {
        guard let size = POSIXFile.regularFileSize(fd), size > 0 else { return nil }
        guard size <= byteLimit else { throw HostError(ArticleInputError.tooLarge(bytes: size).message) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            (count, failure) = POSIXFile.read(fd, into: base, count: size)
        }
        if failure != 0 { throw HostError(POSIXFile.describe(failure)) }
        return bytes
    }
}
