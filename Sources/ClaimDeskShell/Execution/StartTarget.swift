/// What `claimdesk FILE|SESSION` names on its command line: an article to load or a session to open.
///
/// The executable decides which (it can look at the disk); the shell runs the matching command
/// directly, without turning the path back into a line to tokenize.
public enum StartTarget: Equatable, Sendable {
    case article(String)
    case session(String)
}
