import Foundation

/// A moment to the second, written as ISO-8601 UTC (`2026-11-25T15:53:02Z`).
///
/// Second precision makes a saved session read back equal to itself.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public init(_ date: Date) {
        secondsSince1970 = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    public static func now() -> Timestamp { Timestamp(Date()) }

    /// 1970-01-01T00:00:00Z: the placeholder a value being read starts from (see ``JSONCodable``).
    public static let unixEpoch = Timestamp(secondsSince1970: 0)

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// ISO-8601 in UTC with a `Z`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 20 bytes of ``description`` to `bytes`: a session writes two per annotation,
    /// straight into its buffer rather than through a string.
    func appendISO8601(to bytes: inout [UInt8]) {
        let days = floorDiv(secondsSince1970, 86_400)
        let secondsOfDay = secondsSince1970 - days * 86_400
        let (year, month, day) = Self.civilDate(fromDays: days)
        @inline(__always) func put(_ value: Int64, width: Int) {
            var divisor: Int64 = width == 4 ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(truncatingIfNeeded: 48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        put(min(max(year, 0), 9999), width: 4)
        bytes.append(45)
        put(month, width: 2)
        bytes.append(45)
        put(day, width: 2)
        bytes.append(84)
        put(secondsOfDay / 3600, width: 2)
        bytes.append(58)
        put((secondsOfDay % 3600) / 60, width: 2)
        bytes.append(58)
        put(secondsOfDay % 60, width: 2)
        bytes.append(90)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, optionally with fractional seconds or a `+HH:MM` offset.
    /// Impossible dates and times (`2026-02-31`, `24:00:00`) are refused: ``problem(with:)`` says why.
    public init?(iso8601 text: String) {
        var text = text
        guard let value = text.withUTF8({ Self.parse($0[...]) }) else { return nil }
        secondsSince1970 = value
    }

    /// Why `text` is not a time ``init(iso8601:)`` reads, in words for an error message ("February
    /// 2026 has 28 days"); nil when it is one.
    public static func problem(with text: String) -> String? {
        var copy = text
        if copy.withUTF8({ parse($0[...]) }) != nil { return nil }
        return impossibility(in: text) ?? "it is not an ISO-8601 time such as 2026-11-25T15:53:02Z"
    }

    /// What is impossible about a text shaped like an ISO-8601 date or time (`2026-02-31`: "February
    /// 2026 has 28 days"); nil when its date and time exist or it is not shaped like one.
    public static func impossibility(in text: String) -> String? {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= digits.count, digits[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return digits[range].reduce(Int64(0)) { $0 * 10 + Int64($1 - 48) }
        }
        if digits.count >= 10, digits[4] == 45, digits[7] == 45, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
           let problem = dateProblem(year: year, month: month, day: day) {
            return problem
        }
        if digits.count >= 19, digits[13] == 58, digits[16] == 58, let h = number(11..<13), let m = number(14..<16), let sec = number(17..<19),
           let problem = timeProblem(hour: h, minute: m, second: sec) {
            return problem
        }
        return nil
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Why a calendar date does not exist, or nil when it does.
    static func dateProblem(year: Int64, month: Int64, day: Int64) -> String? {
        guard (1...12).contains(month) else { return "there is no month \(month) (months go from 01 to 12)" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return day == 0 ? "there is no day 00 (days start at 01)" : "\(monthNames[Int(month) - 1]) \(year) has \(days) days"
        }
        return nil
    }

    /// Why a time of day does not exist, or nil when it does. A leap second (`23:59:60`) exists.
    static func timeProblem(hour: Int64, minute: Int64, second: Int64) -> String? {
        guard hour < 24 else { return "there is no hour \(hour) (hours go from 00 to 23)" }
        guard minute < 60 else { return "there is no minute \(minute) (minutes go from 00 to 59)" }
        guard second < 60 || (second == 60 && hour == 23 && minute == 59) else {
            return "there is no second \(second) (seconds go from 00 to 59; 60 only as a leap second, 23:59:60)"
        }
        return nil
    }

    /// Seconds since 1970 for the bytes of an ISO-8601 time, or nil (also for impossible dates and times).
    static func parse<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int64? where Bytes.Index == Int {
        let base = bytes.startIndex
        let count = bytes.count
        func s(_ i: Int) -> UInt8 { bytes[base + i] }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= count else { return nil }
            var value: Int64 = 0
            for i in range {
                guard s(i) >= 48, s(i) <= 57 else { return nil }
                value = value * 10 + Int64(s(i) - 48)
            }
            return value
        }
        guard count >= 20, s(4) == 45, s(7) == 45, s(10) == 84 || s(10) == 116, s(13) == 58, s(16) == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let h = number(11..<13), let m = number(14..<16), let sec = number(17..<19),
              dateProblem(year: year, month: month, day: day) == nil, timeProblem(hour: h, minute: m, second: sec) == nil
        else { return nil }
        var i = 19
        if i < count, s(i) == 46 {
            i += 1
            while i < count, s(i) >= 48, s(i) <= 57 { i += 1 }
        }
        var offset: Int64 = 0
        if i < count, s(i) == 90 || s(i) == 122 {
            i += 1
        } else if i + 6 == count, s(i) == 43 || s(i) == 45, s(i + 3) == 58,
                  let oh = number(i + 1..<i + 3), let om = number(i + 4..<i + 6), oh < 24, om < 60 {
            offset = (oh * 3600 + om * 60) * (s(i) == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == count else { return nil }
        let days = Self.days(fromCivilYear: year, month: month, day: day)
        return days * 86_400 + h * 3600 + m * 60 + sec - offset
    }

    // Howard Hinnant's days-from-civil algorithms, proleptic Gregorian calendar.
    static func days(fromCivilYear y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilDate(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension Timestamp: JSONWritable, JSONReadable, JSONFieldValue {
    public func write(to writer: inout JSONWriter) {
        writer.timestamp(self)
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        self = try reader.readTimestamp()
    }
}
