// segment-bench: how fast SentenceSegmenter splits news-like text, at 1 MB and 10 MB.
//
// The text is built from the segmentation test fixture (our own fictional
// news sentences, full of abbreviations, quotes, lists and numbers): cases are
// drawn in a fixed pseudo-random order, a few to a paragraph, with blank lines
// between paragraphs and an occasional headline line. MB means 10^6 bytes of
// UTF-8. Run it through Benchmarks/segment.sh, which builds it in release mode
// and compares pySBD on the same 1 MB.
//
// Options: --fixtures PATH (the sentence-cases.json to draw from),
//          --write-1mb PATH (also write the 1 MB text there, for other segmenters),
//          --runs N (timed runs at 1 MB; 10 MB gets max(5, N/3)).
import ClaimDeskCore
import Foundation

struct Options {
    var fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Tests/ClaimDeskCoreTests/Fixtures/segmentation/sentence-cases.json")
    var writeOneMB: String?
    var runs = 15

    init(_ arguments: [String]) {
        var i = 1
        while i < arguments.count {
            guard i + 1 < arguments.count else { fail("\(arguments[i]) needs a value") }
            let value: String? = arguments[i + 1]
            switch arguments[i] {
            case "--fixtures": fixtures = URL(fileURLWithPath: arguments[i + 1])
            case "--write-1mb": writeOneMB = arguments[i + 1]
            case "--runs":
                guard let number = value.flatMap(Int.init), number > 0 else { fail("--runs needs a positive number") }
                runs = number
            default: fail("unknown option \(arguments[i]); use --fixtures PATH, --write-1mb PATH or --runs N")
            }
            i += 2
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("segment-bench: error: \(message)\n".utf8))
    exit(1)
}

/// A fixed pseudo-random sequence (SplitMix64), so every run segments the same text.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func loadSentences(_ url: URL) -> (texts: [String], headlines: [String]) {
    struct Case: Decodable { var text: String; var phenomenon: String }
    struct File: Decodable { var cases: [Case] }
    guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
        fail("cannot read the fixture \(url.path); pass --fixtures PATH")
    }
    // Paragraph material: single-paragraph cases; headlines: the first lines of the headline cases.
    let texts = file.cases.map(\.text).filter { !$0.contains("\n") }
    let headlines = file.cases.filter { $0.phenomenon.hasPrefix("headlines") && $0.text.contains("\n") }
        .compactMap { $0.text.split(separator: "\n").first.map(String.init) }
    return (texts, headlines)
}

/// News-like text of at least `bytes` UTF-8 bytes.
func corpus(bytes target: Int, from material: (texts: [String], headlines: [String]), seed: UInt64) -> String {
    var generator = Generator(state: seed)
    var text = ""
    text.reserveCapacity(target + 4096)
    var size = 0
    while size < target {
        if !material.headlines.isEmpty && generator.below(8) == 0 {
            let headline = material.headlines[generator.below(material.headlines.count)]
            text += headline + "\n"
            size += headline.utf8.count + 1
        }
        let count = 3 + generator.below(5)
        for k in 0..<count {
            let sentence = material.texts[generator.below(material.texts.count)]
            if k > 0 {
                text += " "
                size += 1
            }
            text += sentence
            size += sentence.utf8.count
        }
        text += "\n\n"
        size += 2
    }
    return text
}

struct Timing {
    var best: Double
    var median: Double
    var sentences: Int
}

/// Times each body `runs` times, alternating between them so that both see the same machine load.
func time(runs: Int, _ bodies: [() -> Int]) -> [Timing] {
    var seconds = [[Double]](repeating: [], count: bodies.count)
    var sentences = [Int](repeating: 0, count: bodies.count)
    let clock = ContinuousClock()
    for _ in 0..<runs {
        for (index, body) in bodies.enumerated() {
            let start = clock.now
            sentences[index] = body()
            let elapsed = clock.now - start
            seconds[index].append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
    }
    return bodies.indices.map { index in
        let sorted = seconds[index].sorted()
        return Timing(best: sorted[0], median: sorted[sorted.count / 2], sentences: sentences[index])
    }
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

let options = Options(CommandLine.arguments)
let material = loadSentences(options.fixtures)
let segmenter = SentenceSegmenter()

let oneMB = corpus(bytes: 1_000_000, from: material, seed: 1)
let tenMB = corpus(bytes: 10_000_000, from: material, seed: 2)
if let path = options.writeOneMB {
    do { try Data(oneMB.utf8).write(to: URL(fileURLWithPath: path)) } catch { fail("cannot write \(path): \(error)") }
}

print("segment-bench: ClaimDesk SentenceSegmenter on news-like text built from \(material.texts.count) fixture texts")
let entryPoints = ["segment(String)", "segment([Unicode.Scalar])"]
var results: [String: [Timing]] = [:]
for (label, text, runs) in [("1MB", oneMB, options.runs), ("10MB", tenMB, max(5, options.runs / 3))] {
    let bytes = text.utf8.count
    let scalars = Array(text.unicodeScalars)
    _ = segmenter.segment(scalars)  // warm up
    let timings = time(runs: runs, [
        { segmenter.segment(text).sentences.count },
        { segmenter.segment(scalars).sentences.count },
    ])
    let paragraphs = segmenter.segment(scalars).paragraphs.count
    results[label] = timings
    print("\(label): \(bytes) bytes, \(scalars.count) code points, \(paragraphs) paragraphs, \(timings[0].sentences) sentences, \(runs) runs")
    for (name, timing) in zip(entryPoints, timings) {
        let mbPerSecond = Double(bytes) / 1e6 / timing.best
        print("  \(name): best \(format(timing.best * 1000, 2)) ms, median \(format(timing.median * 1000, 2)) ms, "
            + "\(format(mbPerSecond)) MB/s, \(format(Double(timing.sentences) / timing.best / 1e6, 2)) M sentences/s")
    }
}
if let one = results["1MB"], let ten = results["10MB"] {
    let bytesRatio = Double(tenMB.utf8.count) / Double(oneMB.utf8.count)
    for (index, name) in entryPoints.enumerated() {
        let timeRatio = ten[index].best / one[index].best
        print("scaling \(name): 10 MB took \(format(timeRatio, 2))x the time of 1 MB for \(format(bytesRatio, 2))x the bytes "
            + "(time per byte 10 MB / 1 MB = \(format(timeRatio / bytesRatio, 2)); 1.00 is linear)")
    }
    // Machine-readable figures for segment.sh (the String entry point, as `claimdesk segment` uses).
    print("RESULT ours_1mb_mb_per_s=\(format(Double(oneMB.utf8.count) / 1e6 / one[0].best, 2)) "
        + "ours_10mb_mb_per_s=\(format(Double(tenMB.utf8.count) / 1e6 / ten[0].best, 2)) "
        + "ours_1mb_seconds=\(format(one[0].best, 6)) ours_1mb_sentences=\(one[0].sentences)")
}
