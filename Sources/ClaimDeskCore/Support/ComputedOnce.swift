import Foundation

/// A value worked out the first time it is asked for and kept, shared by the copies of the value
/// type that holds it.
///
/// Opening a session reads much that the first prompt does not need (every article's sentences,
/// the index of who refers to whom, the records by id); working it out on first use lets the
/// prompt come back sooner. A holder shares one box between its copies only while what the value
/// is made from is the same in all of them (it takes a box of its own before it changes), so the
/// value made by any copy is right for each. The first computation is made under a lock, so
/// copies on different threads are safe.
final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    /// A box holding `value`, or nothing yet.
    init(_ value: Value? = nil) {
        stored = value
    }

    /// The value, made by `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }

    /// The value if it was made already.
    var computed: Value? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Changes the value in place, if it was made (the caller holds the only reference).
    func modify(_ body: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        // Moved out and back, so that the change is made on the only copy.
        guard var value = stored else { return }
        stored = nil
        body(&value)
        stored = value
    }
}

extension ComputedOnce {
    /// Keeps a holder's `box` in step with a change the holder makes to what the value is made
    /// from: changed in place when the holder has the box alone; when the box is shared with a
    /// copy (which keeps the value as it was), a box of the holder's own, with the value changed
    /// if it was made and empty if not.
    static func update(_ box: inout ComputedOnce, _ change: (inout Value) -> Void) {
        if isKnownUniquelyReferenced(&box) {
            box.modify(change)
        } else if var value = box.computed {
            change(&value)
            box = ComputedOnce(value)
        } else {
            box = ComputedOnce()
        }
    }

    /// Forgets the value for a holder whose change it cannot follow. A box shared with a copy is
    /// left to the copy, made or not: whichever of them asked first would fill it for both.
    static func forget(_ box: inout ComputedOnce) {
        if !isKnownUniquelyReferenced(&box) || box.computed != nil { box = ComputedOnce() }
    }
}

/// Always equal: a box holds only what its holder derives from its other fields, which the
/// holder's `==` compares.
extension ComputedOnce: Equatable {
    static func == (a: ComputedOnce, b: ComputedOnce) -> Bool { true }
}
