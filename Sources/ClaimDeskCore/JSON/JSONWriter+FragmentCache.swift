/// Values a document repeats, written once for each depth they sit at and copied afterwards.
///
/// The bytes of a value depend only on the value, on how deep it sits (its indent) and on the
/// writer's spelling: a source's registry entry, written into every claim that names it, is the
/// same bytes every time at the same depth. An export of 100,000 claims wrote each of its 1,000
/// sources about 200 times over, key by key; with a cache it writes each once per depth and
/// copies it after that. See ``JSONWriter/value(cachedAs:in:_:)``.
///
/// A cache serves writers of one spelling (pretty or compact, ``JSONWriter/Spelling``); it grows
/// by one entry per key and depth, so keys should name values that repeat (labels, sources,
/// analysts), not text written once.
public final class JSONFragmentCache<Key: Hashable> {
    private struct Place: Hashable {
        let key: Key
        let depth: Int
    }

    private var fragments: [Place: [UInt8]] = [:]
    /// The spelling of the first writer served, which every later one must share.
    private var format: (pretty: Bool, spelling: JSONWriter.Spelling)?

    public init() {}

    /// How many values are kept (one per key and depth).
    public var count: Int { fragments.count }

    /// The bytes kept for `key` at `depth` in the spelling of `writer`, if any.
    func fragment(_ key: Key, depth: Int, for writer: borrowing JSONWriter) -> [UInt8]? {
        if let format {
            precondition(format.pretty == writer.pretty && format.spelling == writer.spelling,
                         "a fragment cache serves writers of one spelling")
        }
        return fragments[Place(key: key, depth: depth)]
    }

    func keep(_ bytes: ArraySlice<UInt8>, for key: Key, depth: Int, from writer: borrowing JSONWriter) {
        format = (writer.pretty, writer.spelling)
        fragments[Place(key: key, depth: depth)] = Array(bytes)
    }
}
