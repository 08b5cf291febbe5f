/// A command that could not be carried out: one line that says what was wrong and what to do.
///
/// A failed command changes nothing in the session.
public struct ShellError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
