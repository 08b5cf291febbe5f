import Foundation

/// A value one thread hands to another once; reading it waits until it is handed over.
///
/// The one meeting point of the work opening and saving hand to other threads:
/// ``BackgroundWork`` (saving's hash and encoding, the articles' hashes), the file's fingerprint,
/// the two parts of a split reading and the two halves of the record checks.
final class HandedOver<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`; `.some` once handed over (`.some(nil)` for an optional `nil`).
    private var handed: Value?

    init() {}

    /// Hands `value` over, unless a value was handed over already.
    func hand(_ value: Value) {
        condition.lock()
        defer { condition.unlock() }
        guard handed == nil else { return }
        handed = value
        condition.broadcast()
    }

    /// The value, once it is handed over.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while handed == nil { condition.wait() }
        return handed!
    }
}
