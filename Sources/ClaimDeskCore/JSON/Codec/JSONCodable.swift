/// A type whose JSON object is declared once, as a table of fields, from which both its writer
/// and its reader come.
///
/// The writer puts the fields in sorted key order, so equal values give equal bytes; the reader
/// takes the keys in any order, skips keys it does not know (a newer file's additions), and says
/// "at claims[3].anchor.start: missing" for a required key that is absent. Writing the two
/// directions by hand kept them in step only by care; one table keeps them in step by construction.
///
/// ```swift
/// extension Note: JSONCodable {
///     static let jsonFields = JSONFields<Note>([
///         .required("id", \.id), .required("text", \.text), …
///     ])
///     static var jsonDefaults: Note { Note(id: "", text: "", author: "", created: .zero) }
/// }
/// ```
public protocol JSONCodable: JSONReadable, JSONWritable, JSONFieldValue {
    /// The fields, in any order: they are written sorted by key, and required ones are checked in
    /// this order.
    static var jsonFields: JSONFields<Self> { get }
    /// The value reading starts from: what a field absent from the object leaves in place.
    /// Required fields are always overwritten, so their values here do not matter.
    static var jsonDefaults: Self { get }
    /// Checks (and may complete) a value once its whole object is read; by default accepts it.
    static func checkJSON(_ value: inout Self, reader: JSONReader) throws(JSONReadError)
}

extension JSONCodable {
    public static func checkJSON(_ value: inout Self, reader: JSONReader) throws(JSONReadError) {}

    public func write(to writer: inout JSONWriter) {
        Self.jsonFields.write(self, to: &writer)
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        var value = Self.jsonDefaults
        try Self.jsonFields.read(into: &value, from: &reader)
        try Self.checkJSON(&value, reader: reader)
        self = value
    }
}
