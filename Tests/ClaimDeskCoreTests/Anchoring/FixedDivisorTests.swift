import Testing
@testable import ClaimDeskCore

@Suite struct FixedDivisorTests {
    /// The multiplication gives the quotient `/` gives, at the edges of each divisor's multiples
    /// and on random numbers up to 2^32.
    @Test func quotientsEqualIntegerDivision() {
        var random = SeededGenerator(seed: 2_032)
        for divisor in Array(1...300) + [1_023, 65_535, 1 << 20, 4_294_967_295] {
            let divide = FixedDivisor(divisor)
            var values = [0, 1, divisor - 1, divisor, divisor + 1, (1 << 32) - 1, (1 << 32) - 1 - divisor]
            for k in [2, 3, 1_000, 1_000_003] where k * divisor < 1 << 32 {
                values += [k * divisor - 1, k * divisor, k * divisor + 1]
            }
            for _ in 0..<200 { values.append(Int(random.next() % (1 << 32))) }
            for value in values where value >= 0 && value < 1 << 32 {
                #expect(divide(value) == value / divisor, "\(value) / \(divisor)")
            }
        }
    }
}
