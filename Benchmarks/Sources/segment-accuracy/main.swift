// segment-accuracy: how often SentenceSegmenter splits Arabic, Persian and Urdu text as expected.
//
// Reads our own cases (Tests/ClaimDeskCoreTests/Fixtures/segmentation/sentence-cases-{ar,fa,ur}.json,
// the English sentence-cases.json) and the public Golden Rules for Arabic, Persian and Urdu
// (Benchmarks/golden-rules/, MIT, from pragmatic_segmenter). For each set it prints the cases split
// exactly right and the precision and recall of the sentence ends found; for the golden rules it
// also lists each case that differs. Run it through Benchmarks/segment-accuracy.sh.
import ClaimDeskCore
import Foundation

let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

struct Case: Decodable {
    var id: String
    var lang: String?
    var text: String
    var sentences: [String]
}

func load(_ path: String) -> [Case] {
    struct File: Decodable { var cases: [Case] }
    let url = root.appendingPathComponent(path)
    guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
        FileHandle.standardError.write(Data("segment-accuracy: error: cannot read \(url.path)\n".utf8))
        exit(1)
    }
    return file.cases
}

/// The sentence ends (code-point offsets) of a list of sentences inside `text`.
func ends(of sentences: [String], in scalars: [Unicode.Scalar]) -> Set<Int> {
    var result = Set<Int>()
    var from = 0
    for sentence in sentences {
        let pattern = Array(sentence.unicodeScalars)
        var start = from
        while start + pattern.count <= scalars.count && Array(scalars[start..<start + pattern.count]) != pattern { start += 1 }
        guard start + pattern.count <= scalars.count else { continue }
        result.insert(start + pattern.count)
        from = start + pattern.count
    }
    return result
}

func measure(_ name: String, _ cases: [Case], listing: Bool) {
    var exact = 0, truePositives = 0, found = 0, expected = 0
    var misses: [String] = []
    for c in cases {
        let text = TextNormalizer.normalize(c.text)
        let scalars = Array(text.unicodeScalars)
        let language = c.lang.flatMap(ScriptLanguage.init(code:))
        let got = SentenceSegmenter(language: language).segment(scalars).sentences
            .map { String(String.UnicodeScalarView(scalars[$0.range])) }
        if got == c.sentences { exact += 1 } else { misses.append("  \(c.id): got \(got.count) sentences, expected \(c.sentences.count): \(got)") }
        let want = ends(of: c.sentences.map(TextNormalizer.normalize), in: scalars)
        let have = ends(of: got, in: scalars)
        truePositives += want.intersection(have).count
        found += have.count
        expected += want.count
    }
    let precision = found == 0 ? 0 : Double(truePositives) / Double(found)
    let recall = expected == 0 ? 0 : Double(truePositives) / Double(expected)
    let label = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    print(label + String(format: "%3d/%3d cases exact (%5.1f%%)  sentence ends: precision %5.1f%%  recall %5.1f%%",
                         exact, cases.count, 100 * Double(exact) / Double(max(1, cases.count)), 100 * precision, 100 * recall))
    if listing { for miss in misses { print(miss) } }
}

let fixtures = "Tests/ClaimDeskCoreTests/Fixtures/segmentation/"
measure("ours, Arabic", load(fixtures + "sentence-cases-ar.json"), listing: true)
measure("ours, Persian", load(fixtures + "sentence-cases-fa.json"), listing: true)
measure("ours, Urdu", load(fixtures + "sentence-cases-ur.json"), listing: true)
measure("ours, English", load(fixtures + "sentence-cases.json"), listing: true)
let golden = load("Benchmarks/golden-rules/arabic-script-golden-rules.json")
for (code, name) in [("ar", "Arabic"), ("fa", "Persian"), ("ur", "Urdu")] {
    measure("golden rules, \(name)", golden.filter { $0.id.hasPrefix(code + "-") }, listing: true)
}
