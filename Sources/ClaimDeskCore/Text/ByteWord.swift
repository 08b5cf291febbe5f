/// Eight bytes of UTF-8 tested at once as one 64-bit word: the tricks the hot loops over text
/// share (scanning JSON strings, counting and decoding code points, writing sentence lists).
///
/// A test leaves the top bit of a byte set where the byte passes. A borrow can set it in bytes
/// after one that passes, never before, so a result of zero says no byte passes and the lowest
/// set bit marks the first that does.
enum ByteWord {
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset` of `bytes`, the first in the lowest byte.
    @inline(__always)
    static func load(_ bytes: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Top bits set where a byte of `w` is below `n` (`n` at most 0x80).
    @inline(__always)
    static func below(_ w: UInt64, _ n: UInt64) -> UInt64 {
        (w &- lowBits &* n) & ~w & highBits
    }

    /// Top bits set where a byte of `w` equals `byte`.
    @inline(__always)
    static func equal(_ w: UInt64, _ byte: UInt64) -> UInt64 {
        below(w ^ (lowBits &* byte), 1)
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    static func isASCII(_ w: UInt64) -> Bool {
        w & highBits == 0
    }

    /// Top bits set where a byte of `w` starts a code point (does not continue one).
    @inline(__always)
    static func leads(_ w: UInt64) -> UInt64 {
        ~(w & ~(w << 1)) & highBits
    }

    /// The UTF-8 length of the code point whose lead byte is `byte`.
    @inline(__always)
    static func width(lead byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }
}
