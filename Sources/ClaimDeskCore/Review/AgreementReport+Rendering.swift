extension AgreementReport {
    /// The report as aligned text lines: the analysts, then span F1 per layer, κ per label, α.
    public func textLines() -> [String] {
        var lines = ["Agreement of \(analysts.count) analysts (\(analysts.joined(separator: ", "))) on "
                     + Plural.count(commonArticles, "article") + " in common"]
        if unmatchedArticles > 0 {
            lines.append("(\(Plural.count(unmatchedArticles, "article")) not in every session left out)")
        }
        lines.append("")
        let countHeader = analysts.count <= 4 ? "spans (" + analysts.map { $0 }.joined(separator: "/") + ")" : "spans"
        var table: [[String]] = [["layer", countHeader, "exact F1", "overlap F1"]]
        for layer in layers {
            table.append([layer.layer.title, layer.counts.map(String.init).joined(separator: "/"),
                          Self.format(layer.average.exact), Self.format(layer.average.overlap)])
        }
        lines += Self.align(table)
        if analysts.count > 2 {
            lines.append("")
            lines.append("pairwise (exact / overlap F1):")
            for layer in layers {
                let pairs = layer.pairs.map { "\(analysts[$0.left])–\(analysts[$0.right]) \(Self.format($0.figures.exact))/\(Self.format($0.figures.overlap))" }
                lines.append("  \(layer.layer.title): " + pairs.joined(separator: ", "))
            }
        }
        lines.append("")
        var labelTable: [[String]] = [["label (matched annotations)", "items", "agreement", kappaName]]
        for label in labels {
            labelTable.append([label.name, String(label.items), Self.format(label.observed), Self.format(label.kappa)])
        }
        lines += Self.align(labelTable)
        lines.append("")
        lines.append("token-wise α (Krippendorff, nominal: claim/mention/cue/none over \(Plural.count(tokenUnits, "character"))): "
                     + Self.format(tokenAlpha))
        return lines
    }

    /// The report as a JSON document, for scripts.
    public func json() -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.field("analysts", analysts)
        writer.field("articles", commonArticles)
        writer.key("labels")
        writer.beginArray()
        for label in labels {
            writer.beginObject()
            writer.key("agreement"); Self.write(label.observed, to: &writer)
            writer.field("items", label.items)
            writer.key("kappa"); Self.write(label.kappa, to: &writer)
            writer.field("label", label.name)
            writer.field("statistic", analysts.count == 2 ? "cohen" : "fleiss")
            writer.endObject()
        }
        writer.endArray()
        writer.key("layers")
        writer.beginArray()
        for layer in layers {
            writer.beginObject()
            writer.key("counts"); writer.beginArray(); layer.counts.forEach { writer.int($0) }; writer.endArray()
            writer.key("exactF1"); Self.write(layer.average.exact, to: &writer)
            writer.field("layer", layer.layer.rawValue)
            writer.key("overlapF1"); Self.write(layer.average.overlap, to: &writer)
            writer.key("pairs")
            writer.beginArray()
            for pair in layer.pairs {
                writer.beginObject()
                writer.key("exactF1"); Self.write(pair.figures.exact, to: &writer)
                writer.field("left", analysts[pair.left])
                writer.key("overlapF1"); Self.write(pair.figures.overlap, to: &writer)
                writer.field("right", analysts[pair.right])
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("tokenAlpha"); Self.write(tokenAlpha, to: &writer)
        writer.field("tokenUnits", tokenUnits)
        writer.field("unmatchedArticles", unmatchedArticles)
        writer.endObject()
        return writer.bytes + [0x0A]
    }

    private static func write(_ value: Double?, to writer: inout JSONWriter) {
        if let value { writer.number(value) } else { writer.null() }
    }

    /// Three decimals, or "n/a" where a figure is undefined.
    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Pads each column to its widest cell (by code points; the cells are ASCII and names).
    static func align(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].unicodeScalars.count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.unicodeScalars.count)
            }.joined(separator: "  ")
        }
    }
}
