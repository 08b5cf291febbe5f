/// Where an annotation came from when it was not made in this session: the session and analyst
/// it was imported or merged from, and its id there.
public struct Provenance: Hashable, Sendable {
    public var session: String
    public var analyst: String
    public var id: String?
}

extension Provenance: JSONCodable {
    public static let jsonFields = JSONFields<Provenance>([
        .required("session", \.session),
        .required("analyst", \.analyst),
        .optional("id", \.id),
    ])

    public static var jsonDefaults: Provenance { Provenance(session: "", analyst: "") }
}
