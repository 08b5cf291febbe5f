/// A key path to a field, resolved once to the field's byte offset inside its root value.
///
/// Applying a key path walks its components at run time; a stored property (even a nested one,
/// `\.metadata.author`) has a fixed offset, and reading or writing through it is what the
/// compiler does for `value.metadata.author`. A path through a computed property has no offset
/// and is applied as a key path.
struct FieldAccess<Root, Value> {
    let path: WritableKeyPath<Root, Value>
    let offset: Int?

    init(_ path: WritableKeyPath<Root, Value>) {
        self.path = path
        offset = MemoryLayout<Root>.offset(of: path)
    }

    @inline(__always)
    func get(_ base: UnsafePointer<Root>) -> Value {
        guard let offset else { return base.pointee[keyPath: path] }
        return UnsafeRawPointer(base).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
    }

    @inline(__always)
    func set(_ base: UnsafeMutablePointer<Root>, _ value: Value) {
        guard let offset else {
            base.pointee[keyPath: path] = value
            return
        }
        UnsafeMutableRawPointer(base).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee = value
    }
}
