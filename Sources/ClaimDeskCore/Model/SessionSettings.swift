/// Per-session settings that exports read, such as the reviewing organisation for ClaimReview.
public struct SessionSettings: Hashable, Sendable {
    /// The organisation that reviews claims (ClaimReview `author`).
    public var organization: String?
    /// Its web address (ClaimReview `author.url`).
    public var organizationURL: String?
    /// The base address under which exported annotations get their ids.
    public var baseURL: String?

    public init(organization: String? = nil, organizationURL: String? = nil, baseURL: String? = nil) {
        self.organization = organization
        self.organizationURL = organizationURL
        self.baseURL = baseURL
    }

    /// Setting names as `set session NAME VALUE` takes them.
    public static let names = ["organization", "organization-url", "base-url"]

    /// The settings that hold web addresses (absolute http or https only, see ``WebAddress``).
    public static let addressNames = ["organization-url", "base-url"]

    public subscript(name: String) -> String? {
        get {
            switch name {
            case "organization": organization
            case "organization-url": organizationURL
            case "base-url": baseURL
            default: nil
            }
        }
        set {
            switch name {
            case "organization": organization = newValue
            case "organization-url": organizationURL = newValue
            case "base-url": baseURL = newValue
            default: break
            }
        }
    }
}

extension SessionSettings: JSONCodable {
    public static let jsonFields = JSONFields<SessionSettings>([
        .optional("baseURL", \.baseURL),
        .optional("organization", \.organization),
        .optional("organizationURL", \.organizationURL),
    ])

    public static var jsonDefaults: SessionSettings { SessionSettings() }
}
