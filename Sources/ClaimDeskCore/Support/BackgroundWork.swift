import Dispatch

/// A value computed on another thread while this one goes on, collected with ``value`` when it is
/// needed (waiting then if it is not ready yet).
///
/// Opening uses it to hash the articles while the records are read; saving, to hash the bytes
/// while they go to the disk and to encode an opened session while the analyst works, so that
/// the first save copies its unchanged records.
/// The work must be pure (no I/O, no shared state): it gets its inputs as values.
public final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = HandedOver<Value>()

    /// - Parameter urgent: whether someone waits for the value now (a save), rather than soon.
    public init(urgent: Bool = false, _ work: @escaping @Sendable () -> Value) {
        let result = result
        DispatchQueue.global(qos: urgent ? .userInitiated : .utility).async {
            result.hand(work())
        }
    }

    /// The work's result, once it is done.
    public var value: Value { result.value }
}
