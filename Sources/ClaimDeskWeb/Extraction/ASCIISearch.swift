/// Finds an ASCII word in text by its UTF-8 bytes: Foundation's `contains` goes through
/// CFString and costs more than the rest of a block's checks together.
enum ASCIISearch {
    static func contains(_ text: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= n.count else { return false }
            var i = 0
            let last = bytes.count - n.count
            while i <= last {
                if bytes[i] == first {
                    var k = 1
                    while k < n.count, bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
