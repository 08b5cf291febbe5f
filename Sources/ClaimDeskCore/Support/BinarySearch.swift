/// The one binary search of sorted tables: record ids, source names, sentences, placements.
enum BinarySearch {
    /// The first of the positions `0..<count` that `isBefore` does not hold for, when it holds
    /// for a first part of them and for nothing after (`count` when it holds for all): a sorted
    /// table's lower bound, insertion place, or the place after the last at or before a point.
    ///
    /// Given positions rather than elements: a caller compares one field of its element where it
    /// lies (`table[$0].id < id`), where handing over a record to compare copied it, retaining
    /// every string in it (12% more time decoding a session of 10,000 annotations).
    @inline(__always)
    static func firstIndex(upTo count: Int, where isBefore: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
