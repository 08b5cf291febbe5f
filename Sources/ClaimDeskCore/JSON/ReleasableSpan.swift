/// How much of a buffer holding a file's bytes may be given back, from its start, once the bytes
/// before an offset will not be read again: whole units before the offset (a unit is a page, or
/// a huge page when the buffer may be made of them: a part of one given back splits it, and its
/// memory is freed only when the kernel gets round to the split), and every unit the buffer
/// spans once the offset is past its last byte.
///
/// The arithmetic of the executable's ``ReadBytesRelease``, kept here to be tested: given back by
/// page, a file under a huge page long was never given back at all.
public struct ReleasableSpan: Sendable, Equatable {
    /// The bytes in the buffer.
    public let count: Int
    /// What a release is a whole multiple of, in bytes.
    public let unit: Int

    public init(count: Int, unit: Int) {
        precondition(count >= 0 && unit > 0)
        self.count = count
        self.unit = unit
    }

    /// The end of the memory that may go (a multiple of ``unit``) once the bytes before `offset`
    /// are no longer needed.
    public func end(upTo offset: Int) -> Int {
        offset >= count ? (count + unit - 1) / unit * unit : max(0, offset) / unit * unit
    }
}
