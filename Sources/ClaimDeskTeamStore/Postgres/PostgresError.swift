import Foundation

/// A failure talking to PostgreSQL, in one line of the server's or libpq's own words.
struct PostgresError: Error, Equatable {
    enum Kind: Equatable {
        /// libpq itself could not be loaded.
        case unavailable
        /// No connection could be made (server down, wrong address, refused login).
        case unreachable
        /// The connection broke during a statement (server restart, network).
        case connectionLost
        /// The server refused a statement; the connection is still good.
        case statement
    }

    var kind: Kind
    var message: String
    /// The SQLSTATE code, when the server sent one (`42P01`, `57P01`, …).
    var sqlState: String? = nil

    /// Whether the server is out of reach (rather than refusing what was asked).
    var isOutage: Bool { kind == .unreachable || kind == .connectionLost }

    /// libpq's messages run over several lines with tabs ("…failed: Connection refused\n\tIs the
    /// server running…"): joined into one, with control characters dropped.
    static func oneLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        var spaced = String.UnicodeScalarView()
        for scalar in String(cString: text).unicodeScalars {
            spaced.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        let joined = String(spaced).split(separator: " ").joined(separator: " ")
        let trimmed = joined.hasPrefix("ERROR: ") ? String(joined.dropFirst(7)) : joined
        return trimmed.isEmpty ? "unknown error" : trimmed
    }
}
