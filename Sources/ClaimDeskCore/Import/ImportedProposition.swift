/// A proposition embedded in a file's link (the W3C export's `TextualBody` with the proposition's
/// IRI), with who wrote it and when, so an import can recreate it as it was.
public struct ImportedProposition: Equatable, Sendable {
    /// How the file names it (an IRI): its last part is the id it had (`pr2`).
    public var ref: String
    public var text: String
    public var author: String?
    public var created: Timestamp?
    public var modified: Timestamp?
}
