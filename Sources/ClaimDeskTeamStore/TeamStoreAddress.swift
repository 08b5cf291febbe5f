import Foundation

/// Where the team store is: a PostgreSQL URL (`postgresql://USER@HOST:PORT/DATABASE`), as given
/// with `--store` or `CLAIMDESK_STORE`.
public struct TeamStoreAddress: Equatable, Sendable {
    /// The URL as given, passwords included (only ever handed to libpq).
    let url: String

    /// Accepts `postgresql://…` and `postgres://…` URLs, the forms libpq reads.
    public init(_ text: String) throws(TeamStoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://") else {
            throw TeamStoreError("the store must be a PostgreSQL URL such as postgresql://analyst@db.example.org/claimdesk, not \"\(trimmed)\"")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            throw TeamStoreError("the store URL has spaces or control characters; percent-encode them (%20)")
        }
        url = trimmed
    }

    /// The URL without its password, for messages.
    public var display: String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let user = authority[..<at]
        guard let colon = user.firstIndex(of: ":") else { return url }
        return String(url[..<schemeEnd.upperBound]) + user[..<colon] + authority[at...] + rest[authorityEnd...]
    }

    /// Limits on waiting for a server that stops answering without refusing (a dropped network),
    /// so the shell says so instead of hanging: each added unless the URL sets it.
    static let patience = ["connect_timeout=5", "keepalives_idle=10", "keepalives_interval=5", "keepalives_count=3",
                           "tcp_user_timeout=15000"]

    /// What libpq is given: the URL with limits on waiting (unless it names them) and the name
    /// other clients see for this connection (who holds a lease).
    func conninfo(applicationName: String) -> String {
        var parameters: [String] = []
        for setting in Self.patience {
            let key = setting.prefix { $0 != "=" } + "="
            if !url.contains(key) { parameters.append(setting) }
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let name = String(applicationName.prefix(63)).addingPercentEncoding(withAllowedCharacters: allowed) ?? "claimdesk"
        parameters.append("application_name=" + name)
        return url + (url.contains("?") ? "&" : "?") + parameters.joined(separator: "&")
    }
}

/// A failure of the team store, in words for the user.
public struct TeamStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
