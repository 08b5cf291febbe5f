import Foundation

/// Dates as articles and pages write them, turned into ISO-8601.
///
/// A date alone becomes `2020-03-23`; a date and time keeps its zone as written
/// (`2020-03-23T14:05:00-04:00`, `…Z`), or none when the page gave none, so the day shown
/// is the day the outlet meant. Impossible dates (`2020-02-31`) are refused.
public enum PublicationDate {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// An ISO-8601 date or date-time (`2020-03-23`, `2020-03-23T14:05:00.000+01:00`, `2020-03-23 14:05`),
    /// or a written date (`March 23, 2020`, `23 March 2020`, `Mon, Mar. 23, 2020`), as ISO-8601.
    public static func normalize(_ value: String) -> String? {
        var slice = value[...]
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        let text = String(slice)
        if let iso = iso8601(text) { return iso }
        return find(in: text)
    }

    /// The first written date in a line of text ("WASHINGTON, March 23, 2020 —", "Published 23 March 2020").
    public static func find(in line: String) -> String? {
        // Every date has digits; most lines that are looked at have none.
        guard line.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" || $0 == "|" || $0 == "/" })
            .map { word -> String in
                // Trimmed by hand: Foundation's CharacterSet trimming is slow on many short words.
                var slice = word[...]
                while let c = slice.first, ".()[]—–-:;".contains(c) { slice.removeFirst() }
                while let c = slice.last, ".()[]—–-:;".contains(c) { slice.removeLast() }
                return String(slice)
            }
        for (i, word) in words.enumerated() {
            if let iso = iso8601(word) { return iso }
            guard let month = months[word.lowercased()] else { continue }
            // March 23 2020
            if i + 2 < words.count, let day = Int(words[i + 1]), let year = Int(words[i + 2]),
               let date = isoDate(year, month, day) { return date }
            // 23 March 2020
            if i >= 1, i + 1 < words.count, let day = Int(words[i - 1]), let year = Int(words[i + 1]),
               let date = isoDate(year, month, day) { return date }
        }
        return nil
    }

    public static func isoDate(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `YYYY-MM-DD`, optionally `T` or a space and `HH:MM[:SS[.fff]]`, optionally `Z` or `±HH[:]MM`.
    static func iso8601(_ text: String) -> String? {
        let s = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var value = 0
            for byte in s[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard s.count >= 10, let year = number(0, 4), s[4] == 45, let month = number(5, 2), s[7] == 45,
              let day = number(8, 2), let date = isoDate(year, month, day) else { return nil }
        if s.count == 10 { return date }
        guard s[10] == 84 || s[10] == 32, let hour = number(11, 2), s.count > 13, s[13] == 58, let minute = number(14, 2),
              hour < 24, minute < 60 else { return nil }
        var i = 16
        var second = 0
        if i < s.count, s[i] == 58 {
            guard let value = number(i + 1, 2), value < 61 else { return nil }
            second = value
            i += 3
            if i < s.count, s[i] == 46 || s[i] == 44 {
                i += 1
                while i < s.count, (48...57).contains(s[i]) { i += 1 }
            }
        }
        var zone = ""
        if i < s.count {
            if s[i] == 90 || s[i] == 122 {
                zone = "Z"
                i += 1
            } else if s[i] == 43 || s[i] == 45, let zh = number(i + 1, 2), zh < 24 {
                var j = i + 3
                if j < s.count, s[j] == 58 { j += 1 }
                guard let zm = number(j, 2), zm < 60 else { return nil }
                zone = (s[i] == 43 ? "+" : "-") + twoDigits(zh) + ":" + twoDigits(zm)
                if zone == "+00:00" { zone = "Z" }
                i = j + 2
            }
            guard i == s.count else { return nil }
        }
        return "\(date)T\(twoDigits(hour)):\(twoDigits(minute)):\(twoDigits(second))\(zone)"
    }
}
