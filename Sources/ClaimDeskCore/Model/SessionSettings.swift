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

extension SessionSettings: JSONWritable, JSONReadable {
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("baseURL", baseURL)
        writer.field("organization", organization)
        writer.field("organizationURL", organizationURL)
        writer.endObject()
    }

    public init(json reader: inout JSONReader) throws(JSONReadError) {
        self.init()
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "baseURL": baseURL = try reader.readString()
            case "organization": organization = try reader.readString()
            case "organizationURL": organizationURL = try reader.readString()
            default: try reader.skipValue()
            }
        }
    }
}
