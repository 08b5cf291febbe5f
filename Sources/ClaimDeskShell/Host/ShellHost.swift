import ClaimDeskCore
import Foundation

/// Everything the shell needs from the world outside: files, standard input, session storage.
///
/// The executable implements it on the real disk; tests implement it in memory.
/// The shell itself never touches a file.
public protocol ShellHost: AnyObject {
    /// The bytes of a file the user named, relative to the working directory.
    func readFile(_ path: String) throws(HostError) -> Data
    /// All of standard input, for `load -` in batch mode.
    func readStandardInput() throws(HostError) -> Data
    /// Writes a file the user named (exports), creating nothing outside its folder.
    func writeFile(_ data: Data, to path: String) throws(HostError)
    /// The entries of a folder, for completing paths: names, with `/` after folders.
    func directoryEntries(_ path: String) -> [String]
    var store: SessionStore { get }
    /// What is at a path: nothing, a file or a folder (exports and imports).
    func pathKind(_ path: String) -> PathKind
    /// Creates a folder and any missing parents; succeeds when it exists already (exports).
    func createDirectory(_ path: String) throws(HostError)
    /// The names of the entries of a folder, sorted (brat exports and imports).
    func listFiles(_ path: String) throws(HostError) -> [String]
    /// Fetches an http(s) URL, following a few redirects, refusing what is not a page.
    func fetch(_ url: String) throws(HostError) -> FetchedPage
    /// Asks the corpus index of every saved session (the `corpus` commands, `open --find`).
    func corpus(_ request: CorpusRequest) throws(HostError) -> CorpusAnswer
}

/// What a path names.
public enum PathKind: Equatable, Sendable {
    case missing, file, folder
}

/// A failure reported by the outside world, in words for the user.
public struct HostError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A page fetched from the web: its bytes exactly as received, where the redirects ended, and
/// the `Content-Type` the server named.
public struct FetchedPage: Equatable, Sendable {
    public var bytes: Data
    public var finalURL: String
    public var contentType: String?

    public init(bytes: Data, finalURL: String, contentType: String?) {
        self.bytes = bytes
        self.finalURL = finalURL
        self.contentType = contentType
    }
}

extension ShellHost {
    /// A host that cannot reach the web says so.
    public func fetch(_ url: String) throws(HostError) -> FetchedPage {
        throw HostError("this ClaimDesk cannot fetch URLs; save the page and load the file")
    }

    /// A host without a corpus index says so.
    public func corpus(_ request: CorpusRequest) throws(HostError) -> CorpusAnswer {
        throw HostError("this ClaimDesk has no corpus index")
    }
}
