/// A failure from SQLite, in words for the user.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
