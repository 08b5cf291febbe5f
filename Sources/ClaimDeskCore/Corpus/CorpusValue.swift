/// One cell of an answer from the corpus index: SQLite's value types, as the index returns them.
public enum CorpusValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as a table or CSV shows it: empty for null.
    public var display: String {
        switch self {
        case .null: return ""
        case .integer(let n): return String(n)
        case .real(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .text(let s): return s
        }
    }
}
