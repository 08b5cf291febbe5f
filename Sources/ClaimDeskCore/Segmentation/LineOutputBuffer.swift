/// The bytes ``SentenceListWriter`` has made and not yet handed over, written through a pointer.
///
/// `Array`'s appends check uniqueness and go through generic copying on every call, which was a
/// fifth of `claimdesk segment`; here an append is a capacity check and a store. The buffer only
/// grows for a line longer than it (a paragraph without a full stop), so a line is never cut.
struct LineOutputBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage; the buffer must not be used after.
    func deallocate() { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if n > capacity &- count { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// The number in decimal, its digits written in place from the last.
    mutating func appendDecimal(_ number: Int) {
        var magnitude = number.magnitude
        var digits = 1
        var limit: UInt = 10
        while digits < 20 && magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        let sign = number < 0 ? 1 : 0
        reserve(digits + sign)
        if sign == 1 { base[count] = 0x2D }
        var at = count + sign + digits
        repeat {
            at -= 1
            base[at] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
        } while magnitude > 0
        count += sign + digits
    }

    /// Drops what was written from `length` on.
    mutating func truncate(to length: Int) {
        count = min(count, max(0, length))
    }

    mutating func removeAll() { count = 0 }
}
