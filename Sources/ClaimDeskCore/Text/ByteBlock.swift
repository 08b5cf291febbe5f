/// Sixteen bytes tested at once in one vector register: JSON strings in a session document are
/// scanned sixteen bytes a step instead of eight (``ByteWord``).
///
/// Written with vector constants and read back through two 64-bit lanes, the first eight bytes
/// in the low lane, lowest byte first: the generic `any(_:)` and comparisons with a scalar
/// compiled to a loop over the elements, six times slower than the eight-byte word they replaced.
enum ByteBlock {
    private static let quotes = SIMD16<UInt8>(repeating: 0x22)
    private static let backslashes = SIMD16<UInt8>(repeating: 0x5C)
    /// A byte below 0x20 has none of these bits set.
    private static let aboveControls = SIMD16<UInt8>(repeating: 0xE0)

    /// The block as two words, the first eight bytes in the first, lowest byte first on any
    /// machine (as ``ByteWord/load(_:at:)`` reads them).
    @inline(__always)
    private static func lanes(_ block: SIMD16<UInt8>) -> (UInt64, UInt64) {
        let words = unsafeBitCast(block, to: SIMD2<UInt64>.self)
        return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
    }

    /// Where the first byte of `block` that ends a plain run of a JSON string is (a quote, a
    /// backslash or a control character), or nil when none does.
    @inline(__always)
    static func firstPlainRunStop(_ block: SIMD16<UInt8>) -> Int? {
        let stops = (block .== quotes) .| (block .== backslashes) .| ((block & aboveControls) .== SIMD16<UInt8>())
        // A mask's true lanes are bytes of all ones.
        let lanes = Self.lanes(unsafeBitCast(stops, to: SIMD16<UInt8>.self))
        if lanes.0 != 0 { return lanes.0.trailingZeroBitCount &>> 3 }
        if lanes.1 != 0 { return 8 &+ lanes.1.trailingZeroBitCount &>> 3 }
        return nil
    }

    /// The two lanes of `block` or-ed together: a byte's top bit is set in the word when the
    /// byte's is in either lane (all ASCII when ``ByteWord/isASCII(_:)``).
    @inline(__always)
    static func orOfHalves(_ block: SIMD16<UInt8>) -> UInt64 {
        let lanes = Self.lanes(block)
        return lanes.0 | lanes.1
    }

    /// The same of the first `count` bytes of `block` only (`count` below 16).
    @inline(__always)
    static func orOfHalves(_ block: SIMD16<UInt8>, before count: Int) -> UInt64 {
        let lanes = Self.lanes(block)
        if count < 8 { return lanes.0 & ((1 &<< UInt64(8 &* count)) &- 1) }
        return lanes.0 | (lanes.1 & ((1 &<< UInt64(8 &* (count &- 8))) &- 1))
    }
}
