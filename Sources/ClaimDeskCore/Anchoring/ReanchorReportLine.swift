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

    public var status: String { resolution?.range == nil ? "orphaned" : "anchored" }

    public var reason: String? {
        guard let resolution else { return "the annotation has no TextQuoteSelector" }
        if case .orphaned(let why) = resolution { return why.description }
        return nil
    }

    /// The line as JSON, without a line end.
    public var json: String {
        var writer = JSONWriter(pretty: false, capacity: 256)
        writer.beginObject()
        writer.keyInGivenOrder("id")
        if let id { writer.string(id) } else { writer.null() }
        writer.keyInGivenOrder("status")
        writer.string(status)
        let range = resolution?.range
        writer.keyInGivenOrder("start")
        if let range { writer.int(range.lowerBound) } else { writer.null() }
        writer.keyInGivenOrder("end")
        if let range { writer.int(range.upperBound) } else { writer.null() }
        writer.keyInGivenOrder("how")
        writer.string(resolution?.how ?? "orphaned")
        writer.keyInGivenOrder("score")
        if let score = resolution?.score.flatMap({ JSONNumber(AnchorResolution.rounded($0)) }) { writer.number(score) } else { writer.null() }
        if let reason {
            writer.keyInGivenOrder("reason")
            writer.string(reason)
        }
        writer.keyInGivenOrder("index")
        writer.int(index)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
