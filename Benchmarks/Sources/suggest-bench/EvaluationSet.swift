import ClaimDeskCore
import Foundation

/// The hand-annotated articles of `Benchmarks/suggest-eval/articles.json`.
struct EvaluationSet {
    struct Attribution {
        var content: [Range<Int>]
        var source: [Range<Int>]?
        var cue: [Range<Int>]?
    }

    struct Article {
        var id: String
        var split: String
        var text: String
        var gold: [Attribution]
    }

    var articles: [Article]

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["articles"] as? [[String: Any]] else {
            throw EvaluationError("\(url.path): not a claimdesk.suggest-eval file")
        }
        articles = try list.map { item in
            guard let id = item["id"] as? String, let split = item["split"] as? String, let text = item["text"] as? String,
                  let attributions = item["attributions"] as? [[String: Any]] else {
                throw EvaluationError("\(url.path): an article lacks id, split, text or attributions")
            }
            let gold = attributions.map { a in
                Attribution(content: Self.spans(a["content"]) ?? [], source: Self.spans(a["source"]), cue: Self.spans(a["cue"]))
            }
            return Article(id: id, split: split, text: text, gold: gold)
        }
    }

    static func spans(_ value: Any?) -> [Range<Int>]? {
        guard let pairs = value as? [[Int]] else { return nil }
        return pairs.compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]..<$0[1] : nil }
    }
}

struct EvaluationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
