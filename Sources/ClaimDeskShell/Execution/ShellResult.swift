/// What one command gave back: lines for standard output, or the error that stopped it.
public struct ShellResult: Sendable {
    public var lines: [StyledLine]
    public var error: ShellError?
    /// The user asked to leave.
    public var quit: Bool

    public init(lines: [StyledLine] = [], error: ShellError? = nil, quit: Bool = false) {
        self.lines = lines
        self.error = error
        self.quit = quit
    }

    public var succeeded: Bool { error == nil }
}
