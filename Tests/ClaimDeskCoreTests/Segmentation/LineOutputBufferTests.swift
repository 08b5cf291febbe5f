import Testing
@testable import ClaimDeskCore

@Suite struct LineOutputBufferTests {
    private func written(_ body: (inout LineOutputBuffer) -> Void) -> String {
        var buffer = LineOutputBuffer(capacity: 4)
        defer { buffer.deallocate() }
        body(&buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, Int.max / 10, 9_999_999_999])
    func decimalsAreWrittenAsSwiftWritesThem(number: Int) {
        #expect(written { $0.appendDecimal(number) } == String(number))
    }

    /// Appends past the first capacity keep every byte, and truncating drops only the tail.
    @Test func growsAndTruncates() {
        let text = written { buffer in
            for k in 0..<500 {
                buffer.append("ab")
                buffer.appendDecimal(k)
                buffer.append(0x2C)
            }
            let kept = buffer.count
            buffer.append("tail")
            buffer.truncate(to: kept)
        }
        #expect(text == (0..<500).map { "ab\($0)," }.joined())
    }
}
