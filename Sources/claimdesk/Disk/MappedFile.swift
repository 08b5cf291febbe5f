import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A regular file's bytes mapped read-only into memory, for reading a large article once.
///
/// Reading into a buffer costs a zeroed page and a copy per 4 KB before the text is even
/// decoded; a mapping shares the kernel's cached pages (pre-faulted with `MAP_POPULATE`). Only
/// for regular files that are not empty (a pipe or `/proc` file reports no size): ``map(_:)``
/// returns nil for everything else, and the caller reads the file as usual.
struct MappedFile {
    let bytes: UnsafeRawBufferPointer

    /// Maps the open file `fd`, or nil if it is not a non-empty regular file of at most
    /// `byteLimit` bytes or the mapping fails.
    static func map(_ fd: Int32, byteLimit: Int) -> MappedFile? {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size > 0, size <= byteLimit else { return nil }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), address != MAP_FAILED else {
            return nil
        }
        return MappedFile(bytes: UnsafeRawBufferPointer(start: address, count: size))
    }

    func unmap() {
        guard let address = bytes.baseAddress else { return }
        munmap(UnsafeMutableRawPointer(mutating: address), bytes.count)
    }
}
