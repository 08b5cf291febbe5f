import Foundation

/// A value one thread hands to another once; reading it waits until it is handed over.
///
/// The one meeting point of the work opening and saving hand to other threads: the shell's
/// ``BackgroundWork``, the file's fingerprint, the two parts of a split reading and the two
/// halves of the record checks.
public final class HandedOver<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var handed: Value?
    private var isHanded = false

    public init() {}

    /// Hands `value` over, unless a value was handed over already.
    public func hand(_ value: Value) {
        condition.lock()
        defer { condition.unlock() }
        guard !isHanded else { return }
        handed = value
        isHanded = true
        condition.broadcast()
    }

    /// The value, once it is handed over.
    public var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while !isHanded { condition.wait() }
        return handed!
    }
}
