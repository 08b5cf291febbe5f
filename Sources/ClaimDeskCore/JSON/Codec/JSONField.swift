/// One key of a ``JSONCodable`` type's object: where its value lives, and what happens when it
/// is absent or empty.
///
/// Made with ``required(_:_:)``, ``optional(_:_:)``, ``defaulted(_:_:whenAbsent:)`` or
/// ``omittedWhenEmpty(_:_:)`` from a key path to a stored property, which is resolved to a byte
/// offset once (see ``FieldAccess``), so reading and writing a field costs about what a hand-written one does. A
/// class with constant closures, so the table's loops can call them without counting references.
public final class JSONField<Root> {
    /// What reading does when the key is absent.
    enum Absence {
        /// An error: "at PATH.KEY: missing".
        case required
        /// The default value stays.
        case allowed
        /// The default is replaced by one worked out from the other fields (after all are read).
        case filled((inout Root) -> Void)
    }

    let key: String
    let absence: Absence
    /// Writes the key and its value, or nothing when the field is left out.
    let write: (UnsafePointer<Root>, inout JSONWriter) -> Void
    /// Reads the value (the key is already read).
    let read: (UnsafeMutablePointer<Root>, inout JSONReader) throws(JSONReadError) -> Void

    private init(key: String, absence: Absence, write: @escaping (UnsafePointer<Root>, inout JSONWriter) -> Void,
                 read: @escaping (UnsafeMutablePointer<Root>, inout JSONReader) throws(JSONReadError) -> Void) {
        self.key = key
        self.absence = absence
        self.write = write
        self.read = read
    }

    /// A key that is always written and must be present.
    public static func required<Value: JSONFieldValue>(_ key: String, _ path: WritableKeyPath<Root, Value>) -> JSONField {
        always(key, path, .required)
    }

    /// A key that is always written; when absent, the default value stays, or `fill` works one out
    /// from the other fields (`modified` from `created`).
    public static func defaulted<Value: JSONFieldValue>(_ key: String, _ path: WritableKeyPath<Root, Value>,
                                                        whenAbsent fill: ((inout Root) -> Void)? = nil) -> JSONField {
        always(key, path, fill.map { .filled($0) } ?? .allowed)
    }

    /// A key written only when the value is not nil; absent or `null`, the value is nil.
    public static func optional<Value: JSONFieldValue>(_ key: String, _ path: WritableKeyPath<Root, Value?>) -> JSONField {
        let access = FieldAccess(path)
        let encoded = JSONWriter.EncodedKey(key)
        return JSONField(key: key, absence: .allowed, write: { base, writer in
            guard let value = access.address(in: base).pointee else { return }
            writer.key(encoded)
            value.writeJSONValue(to: &writer)
        }, read: { base, reader throws(JSONReadError) in
            access.set(base, reader.readNull() ? nil : try Value.readJSONValue(from: &reader))
        })
    }

    /// A key written only when the collection is not empty (so documents without it keep their
    /// old bytes); absent, the default value stays.
    public static func omittedWhenEmpty<Value: JSONFieldValue & Collection>(_ key: String,
                                                                           _ path: WritableKeyPath<Root, Value>) -> JSONField {
        let access = FieldAccess(path)
        let encoded = JSONWriter.EncodedKey(key)
        return JSONField(key: key, absence: .allowed, write: { base, writer in
            let value = access.address(in: base)
            guard !value.pointee.isEmpty else { return }
            writer.key(encoded)
            value.pointee.writeJSONValue(to: &writer)
        }, read: { base, reader throws(JSONReadError) in
            access.set(base, try Value.readJSONValue(from: &reader))
        })
    }

    /// `inner`'s fields, reached inside each `Root` at `path` (a stored value of type `Inner`):
    /// the keys of a value kept in several types (every annotation's ``AnnotationMetadata``),
    /// whose fields are made once and shared by every type that holds it.
    ///
    /// Made per type by appending key paths (`\.metadata` and `\.author`), the six annotation
    /// types' fields made the Swift runtime build 42 key paths and look up their types from
    /// their mangled names: 2.3 million instructions of a process's first opening (callgrind).
    static func embedded<Inner>(_ inner: JSONFields<Inner>, at path: WritableKeyPath<Root, Inner>) -> [JSONField] {
        let access = FieldAccess(path)
        return inner.declared.map { $0.embedded(at: access) }
    }

    /// This field of the `Root` that `access` reaches in each `Outer`, as a field of `Outer`.
    private func embedded<Outer>(at access: FieldAccess<Outer, Root>) -> JSONField<Outer> {
        let write = self.write, read = self.read
        let absence: JSONField<Outer>.Absence
        switch self.absence {
        case .required: absence = .required
        case .allowed: absence = .allowed
        case .filled(let fill):
            absence = .filled { outer in withUnsafeMutablePointer(to: &outer) { fill(&access.address(in: $0).pointee) } }
        }
        return JSONField<Outer>(key: key, absence: absence, write: { base, writer in
            write(access.address(in: base), &writer)
        }, read: { base, reader throws(JSONReadError) in
            try read(access.address(in: base), &reader)
        })
    }

    private static func always<Value: JSONFieldValue>(_ key: String, _ path: WritableKeyPath<Root, Value>,
                                                      _ absence: Absence) -> JSONField {
        let access = FieldAccess(path)
        let encoded = JSONWriter.EncodedKey(key)
        return JSONField(key: key, absence: absence, write: { base, writer in
            writer.key(encoded)
            access.address(in: base).pointee.writeJSONValue(to: &writer)
        }, read: { base, reader throws(JSONReadError) in
            access.set(base, try Value.readJSONValue(from: &reader))
        })
    }
}
