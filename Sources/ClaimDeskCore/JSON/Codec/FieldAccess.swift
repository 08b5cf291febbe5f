/// A key path to a stored field, resolved once to the field's byte offset inside its root value.
///
/// Applying a key path walks its components at run time; a stored property (even a nested one,
/// `\.metadata.author`) has a fixed offset, and reading or writing through it is what the
/// compiler does for `value.metadata.author`: the value is used where it lies, not copied.
struct FieldAccess<Root, Value> {
    let offset: Int

    /// The access for `path`, which must name stored properties only (a table is built once, at
    /// first use, so a computed property in one fails at once in every test that reads the type).
    init(_ path: WritableKeyPath<Root, Value>) {
        guard let offset = MemoryLayout<Root>.offset(of: path) else {
            preconditionFailure("a JSON field must be a stored property, not \(path)")
        }
        self.offset = offset
    }

    @inline(__always)
    func address(in base: UnsafePointer<Root>) -> UnsafePointer<Value> {
        UnsafeRawPointer(base).advanced(by: offset).assumingMemoryBound(to: Value.self)
    }

    @inline(__always)
    func address(in base: UnsafeMutablePointer<Root>) -> UnsafeMutablePointer<Value> {
        UnsafeMutableRawPointer(base).advanced(by: offset).assumingMemoryBound(to: Value.self)
    }

    @inline(__always)
    func set(_ base: UnsafeMutablePointer<Root>, _ value: Value) {
        address(in: base).pointee = value
    }
}
