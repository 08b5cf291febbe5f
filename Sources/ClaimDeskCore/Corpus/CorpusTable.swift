import Foundation

/// Rows answered by the corpus index, with their column names, and the ways to print them.
public struct CorpusTable: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[CorpusValue]]

    public init(columns: [String], rows: [[CorpusValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// How `query` prints rows.
    public enum Format: String, CaseIterable, Sendable {
        case table, json, jsonl, csv
    }

    /// The rows in a format, ending with a newline (nothing at all for an empty `jsonl`).
    public func rendered(_ format: Format, maxCellWidth: Int = 60) -> String {
        switch format {
        case .table: return alignedLines(maxCellWidth: maxCellWidth).map { $0 + "\n" }.joined()
        case .json: return json()
        case .jsonl: return rows.map { object($0) + "\n" }.joined()
        case .csv: return csv()
        }
    }

    /// A header line, a rule and one line per row, each column padded to its widest cell; cells
    /// longer than `maxCellWidth` characters are cut with `…`, and line breaks shown as `⏎`.
    public func alignedLines(maxCellWidth: Int = 60) -> [String] {
        func cell(_ value: CorpusValue) -> String {
            let flat = value.display.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
                .replacingOccurrences(of: "\t", with: " ")
            return flat.count > maxCellWidth ? String(flat.prefix(max(1, maxCellWidth - 1))) + "…" : flat
        }
        let cells = rows.map { $0.map(cell) }
        var widths = columns.map(\.count)
        for row in cells {
            for (i, text) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], text.count) }
        }
        func line(_ items: [String]) -> String {
            var text = ""
            for (i, item) in items.enumerated() {
                let last = i == items.count - 1
                text += last ? item : item + String(repeating: " ", count: max(0, widths[i] - item.count) + 2)
            }
            return text
        }
        return [line(columns), line(widths.map { String(repeating: "─", count: $0) })] + cells.map(line)
    }

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
    func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([columns] + rows.map { $0.map(\.display) }).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// An array of objects, one per line, keys in column order.
    func json() -> String {
        rows.isEmpty ? "[]\n" : "[\n" + rows.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
    }

    /// One row as a JSON object on one line: integers and reals as numbers, null as null.
    func object(_ row: [CorpusValue]) -> String {
        var members: [String] = []
        for (name, value) in zip(columns, row) {
            let encoded: String
            switch value {
            case .null: encoded = "null"
            case .integer(let n): encoded = String(n)
            case .real(let d): encoded = d.isFinite ? String(d) : "null"
            case .text(let s): encoded = Self.jsonString(s)
            }
            members.append(Self.jsonString(name) + ":" + encoded)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
