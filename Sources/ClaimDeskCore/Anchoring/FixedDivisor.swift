/// Division of non-negative numbers below 2^32 by a fixed divisor, as a multiplication: the
/// filter divides once for every gram position it reads.
struct FixedDivisor: Sendable {
    private let divisor: Int
    /// ⌈2^64 / divisor⌉; for such numbers the high word of the product is the exact quotient.
    private let reciprocal: UInt64

    init(_ divisor: Int) {
        precondition(divisor >= 1)
        self.divisor = divisor
        reciprocal = divisor == 1 ? 0 : UInt64.max / UInt64(divisor) + 1
    }

    func callAsFunction(_ value: Int) -> Int {
        if divisor == 1 { return value }
        return Int(UInt64(truncatingIfNeeded: value).multipliedFullWidth(by: reciprocal).high)
    }
}
