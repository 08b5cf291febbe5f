@testable import ClaimDeskCore
import Testing

/// Values copied from a ``JSONFragmentCache`` and strings written from code points, against the
/// same values written afresh.
@Suite struct JSONFragmentCacheTests {
    static let spellings: [(pretty: Bool, spelling: JSONWriter.Spelling)] = [
        (true, .standard), (true, .encoderCompatible), (false, .standard),
    ]

    /// A value with nesting, an empty array and object, and a string that needs escapes.
    static func sample(_ name: String, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("aliases")
        writer.strings([name, "“\(name)”\t\\"])
        writer.key("empty")
        writer.beginObject()
        writer.endObject()
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        writer.field("name", name)
        writer.endObject()
    }

    /// Writes `depth` levels (arrays and objects by turns), then the same values three times as
    /// array elements and twice after keys one level deeper, each through `value`, and closes everything.
    static func document(depth: Int, pretty: Bool, spelling: JSONWriter.Spelling,
                         value: (String, inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, spelling: spelling)
        var objects: [Bool] = []
        for level in 0..<depth {
            if level % 2 == 0 {
                if objects.last == true { writer.key("k\(level)") }
                writer.beginArray()
                objects.append(false)
            } else {
                writer.beginObject()
                objects.append(true)
            }
        }
        if objects.last == true { writer.key("values") }
        writer.beginArray()
        for name in ["one", "two", "one"] { value(name, &writer) }
        writer.beginObject()
        writer.key("a")
        value("one", &writer)
        writer.key("b")
        value("one", &writer)
        writer.endObject()
        writer.endArray()
        for isObject in objects.reversed() {
            if isObject { writer.endObject() } else { writer.endArray() }
        }
        return writer.bytes
    }

    @Test(arguments: [0, 1, 2, 5, 31, 32, 33, 64, 65, 70])
    func aCopiedValueIsTheSameBytesAsOneWrittenAfreshAtEveryDepth(depth: Int) {
        for (pretty, spelling) in Self.spellings {
            let fresh = Self.document(depth: depth, pretty: pretty, spelling: spelling) { name, writer in
                Self.sample(name, to: &writer)
            }
            let cache = JSONFragmentCache<String>()
            var written = 0
            let copied = Self.document(depth: depth, pretty: pretty, spelling: spelling) { name, writer in
                writer.value(cachedAs: name, in: cache) { writer in
                    written += 1
                    Self.sample(name, to: &writer)
                }
            }
            #expect(String(decoding: copied, as: UTF8.self) == String(decoding: fresh, as: UTF8.self),
                    "depth \(depth), pretty \(pretty), \(spelling)")
            // "one" at two depths (an element, and a value after a key one level deeper), "two" at one.
            #expect(written == 3)
            #expect(cache.count == 3)
        }
    }

    @Test func aValueAtTheTopIsCopiedWhole() {
        let cache = JSONFragmentCache<Int>()
        var first = JSONWriter(pretty: true)
        first.value(cachedAs: 1, in: cache) { Self.sample("top", to: &$0) }
        var second = JSONWriter(pretty: true)
        second.value(cachedAs: 1, in: cache) { _ in Issue.record("written again instead of copied") }
        var fresh = JSONWriter(pretty: true)
        Self.sample("top", to: &fresh)
        #expect(first.bytes == fresh.bytes)
        #expect(second.bytes == fresh.bytes)
    }

    @Test func deepIndentsAreTwoSpacesALevelPastTheRowOfSpacesKeptForThem() {
        var writer = JSONWriter(pretty: true)
        for _ in 0..<150 { writer.beginArray() }
        writer.int(7)
        for _ in 0..<150 { writer.endArray() }
        let lines = String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 301)
        for (number, line) in lines.enumerated() {
            let level = number <= 150 ? number : 300 - number
            #expect(line == String(repeating: " ", count: 2 * level) + (number < 150 ? "[" : number == 150 ? "7" : "]"), "line \(number)")
        }
    }

    @Test func aStringWrittenFromCodePointsIsTheSameAsFromItsText() {
        let texts = ["", "plain", "“Iran’s” envoy", "إيران و ایران", "tab\there\nand \"quotes\" \\ back", "\u{0}\u{1}\u{1F}\u{7F}",
                     "😀 𝒜 汉字 Ω é", "\u{2028}\u{2029}\u{202E}"]
        var random = SeededGenerator(seed: 15)
        var all = texts
        for _ in 0..<300 {
            let pool: [Unicode.Scalar] = ["a", "\"", "\\", "\u{0}", "\u{8}", "\u{C}", "\u{1F}", "é", "ع", "€", "😀", "\u{10FFFF}", " "]
            all.append(String(String.UnicodeScalarView((0..<Int.random(in: 0...40, using: &random)).map { _ in pool.randomElement(using: &random)! })))
        }
        for text in all {
            let scalars = Array(text.unicodeScalars)
            for range in [0..<scalars.count, (scalars.count / 3)..<scalars.count, 0..<(scalars.count / 2)] {
                var fromText = JSONWriter(pretty: false)
                fromText.string(String(String.UnicodeScalarView(scalars[range])))
                var fromScalars = JSONWriter(pretty: false)
                fromScalars.string(scalars[range])
                #expect(fromScalars.bytes == fromText.bytes, "\(text.debugDescription) \(range)")
            }
        }
    }
}
