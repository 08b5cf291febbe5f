/// Gives back the memory of a document's bytes once they have been read, and puts them back
/// when they must be read again.
///
/// Opening a session held the whole file while the session grew beside it: at 100,000
/// annotations the peak was the 51 MB file plus the session, above twice the file. A reader
/// given one of these lets the bytes behind it go a few megabytes at a time, at a record's end;
/// an error message (which counts lines from the start) or a second reading puts them back first.
/// Whoever made the bytes (the executable, which read the file) says how memory is given back.
public protocol ReadBytesRelease: AnyObject, Sendable {
    /// The bytes before `offset` will not be read again until ``restore()``; their memory may go.
    func release(upTo offset: Int)
    /// Puts back every byte released, as it was read.
    func restore()
    /// How many bytes the reader goes between two releases.
    var releaseStep: Int { get }
}

extension ReadBytesRelease {
    /// Four megabytes: large enough that the calls cost nothing, small beside a large session.
    public var releaseStep: Int { 4 << 20 }
}
