import Foundation

/// One line of the `claimdesk reanchor --report` file: what happened to one annotation.
///
/// Written as JSON with a fixed key order (`id`, `status`, `start`, `end`,
/// `how`, `score`, then `reason` for orphans and the annotation's `index` in
/// the input), so the file reads the same on every run and diffs cleanly.
public struct ReanchorReportLine: Equatable, Sendable {
    /// Position of the annotation in the input (0-based).
    public var index: Int
    /// The annotation's `id` (or `@id`), if it has one.
    public var id: String?
    /// Nil when the annotation has no TextQuoteSelector to re-anchor.
    public var resolution: AnchorResolution?

    public init(index: Int, id: String?, resolution: AnchorResolution?) {
        self.index = index
        self.id = id
        self.resolution = resolution
    }

    public var status: String { resolution?.range == nil ? "orphaned" : "anchored" }

    public var reason: String? {
        guard let resolution else { return "the annotation has no TextQuoteSelector" }
        if case .orphaned(let why) = resolution { return why.description }
        return nil
    }

    /// The line as JSON, without a line end.
    public var json: String {
        var fields: [String] = []
        fields.append("\"id\":" + (id.map(Self.quoted) ?? "null"))
        fields.append("\"status\":" + Self.quoted(status))
        let range = resolution?.range
        fields.append("\"start\":" + (range.map { String($0.lowerBound) } ?? "null"))
        fields.append("\"end\":" + (range.map { String($0.upperBound) } ?? "null"))
        fields.append("\"how\":" + Self.quoted(resolution?.how ?? "orphaned"))
        fields.append("\"score\":" + (resolution?.score.map { Self.number($0) } ?? "null"))
        if let reason { fields.append("\"reason\":" + Self.quoted(reason)) }
        fields.append("\"index\":" + String(index))
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func number(_ x: Double) -> String {
        let r = AnchorResolution.rounded(x)
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func quoted(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
