import ClaimDeskCore
import Foundation

// Quality and speed of attribution suggestions.
//
//   suggest-bench [articles.json]
//
// Quality: precision, recall and F1 of content spans and of full attributions on the
// hand-annotated evaluation set, per split, for the rules and for a regex baseline.
// Speed: milliseconds per 5,000-word article (the shell's case: text already segmented, and
// from a bare string) and MB/s on a large text.

let path = CommandLine.arguments.count > 1 && !CommandLine.arguments[1].hasPrefix("--") ? CommandLine.arguments[1]
    : URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../suggest-eval/articles.json").path
let set: EvaluationSet
do {
    set = try EvaluationSet(contentsOf: URL(fileURLWithPath: path))
} catch {
    FileHandle.standardError.write(Data("suggest-bench: cannot read \(path): \(error)\n".utf8))
    exit(1)
}

func predicted(_ text: String) -> [EvaluationSet.Attribution] {
    AttributionSuggester().suggestions(in: text).map { .init(content: $0.content, source: $0.source, cue: $0.cue) }
}

func f(_ x: Double) -> String { String(format: "%.2f", x) }

print("== quality (\(set.articles.count) articles, \(set.articles.reduce(0) { $0 + $1.gold.count }) gold attributions)")
print("split  articles  system    content P    R    F1   full P    R    F1")
for split in ["dev", "test", "all"] {
    let articles = set.articles.filter { split == "all" || $0.split == split }
    var rules = Scores(), baseline = Scores()
    for article in articles {
        rules.add(gold: article.gold, predicted: predicted(article.text))
        baseline.add(gold: article.gold, predicted: RegexBaseline.attributions(in: article.text))
    }
    for (name, scores) in [("rules", rules), ("regex", baseline)] {
        let c = scores.content, a = scores.full
        print(split.padding(toLength: 7, withPad: " ", startingAt: 0) + String(articles.count).padding(toLength: 10, withPad: " ", startingAt: 0)
              + name.padding(toLength: 16, withPad: " ", startingAt: 0)
              + "\(f(c.0)) \(f(c.1)) \(f(c.2))       \(f(a.0)) \(f(a.1)) \(f(a.2))")
    }
}

if CommandLine.arguments.contains("--details") {
    for article in set.articles {
        let text = ArticleText(article.text)
        let found = AttributionSuggester().suggestions(in: text)
        print("\n## \(article.id)")
        for g in article.gold {
            let hit = found.first { SpanOverlap.jaccard(g.content, $0.content) >= 0.5 }
            let mark = hit == nil ? "MISS" : (Scores.sameSource(g.source, hit?.source) && Scores.sameCue(g.cue, hit?.cue) ? "ok  " : "PART")
            print("\(mark) \(g.content.map { text.slice($0) }.joined(separator: " | ")) ← \(g.source.map { $0.map { text.slice($0) }.joined() } ?? "-") / \(g.cue.map { $0.map { text.slice($0) }.joined(separator: "…") } ?? "-")")
            if let hit, mark == "PART" {
                print("     got \(hit.content.map { text.slice($0) }.joined(separator: " | ")) ← \(hit.source.map { $0.map { text.slice($0) }.joined() } ?? "-") / \(hit.cue.map { $0.map { text.slice($0) }.joined(separator: "…") } ?? "-")")
            }
        }
        for s in found where !article.gold.contains(where: { SpanOverlap.jaccard($0.content, s.content) >= 0.5 }) {
            print("EXTRA \(s.content.map { text.slice($0) }.joined(separator: " | ")) ← \(s.source.map { $0.map { text.slice($0) }.joined() } ?? "-") [\(s.rule)]")
        }
    }
}

if CommandLine.arguments.contains("--quality-only") { exit(0) }

// Speed: a 5,000-word article made of the set's texts, and a large text for throughput.
var article = ""
var words = 0
while words < 5_000 {
    for item in set.articles where words < 5_000 {
        article += item.text + "\n"
        words += item.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}
let segmented = ArticleText(TextNormalizer.normalize(article))
func best(_ runs: Int, _ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return fastest
}
var count = 0
let onSegmented = best(20) { count = AttributionSuggester().suggestions(in: segmented).count }
let fromString = best(20) { count = AttributionSuggester().suggestions(in: article).count }
var large = ""
while large.utf8.count < 5_000_000 { large += article }
let largeMs = best(3) { count = AttributionSuggester().suggestions(in: large).count }
let megabytes = Double(large.utf8.count) / 1_000_000
print("\n== speed (release build, best of runs)")
print("5,000-word article (\(words) words, \(article.utf8.count) bytes, \(count > 0 ? "ok" : "none")): \(String(format: "%.2f", onSegmented)) ms on the shell's segmented text, \(String(format: "%.2f", fromString)) ms from a string (segmenting included)")
print("large text: \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.0f", largeMs)) ms = \(String(format: "%.1f", megabytes / (largeMs / 1000))) MB/s from a string")
