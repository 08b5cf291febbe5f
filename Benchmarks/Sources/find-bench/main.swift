// find-bench: how long the shell's `find WORDS` takes on a long English article.
//
// `find` folds the whole article (`FoldedText`: case, quotes, dashes, white space and,
// for Arabic-script text, diacritics and letter variants) and scans it for the folded
// words. This times exactly that on about 1 MB (10^6 bytes of UTF-8) of English news
// text built from the segmentation fixture, for a few queries, and prints the best and
// median time of several runs. Run it through Benchmarks/find.sh (release build).
//
// Options: --fixtures PATH (the sentence-cases.json to draw from), --runs N.
import ClaimDeskCore
import Foundation

struct Options {
    var fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Tests/ClaimDeskCoreTests/Fixtures/segmentation/sentence-cases.json")
    var runs = 15

    init(_ arguments: [String]) {
        var i = 1
        while i < arguments.count {
            guard i + 1 < arguments.count else { fail("\(arguments[i]) needs a value") }
            switch arguments[i] {
            case "--fixtures": fixtures = URL(fileURLWithPath: arguments[i + 1])
            case "--runs":
                guard let number = Int(arguments[i + 1]), number > 0 else { fail("--runs needs a positive number") }
                runs = number
            default: fail("unknown option \(arguments[i]); use --fixtures PATH or --runs N")
            }
            i += 2
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("find-bench: error: \(message)\n".utf8))
    exit(1)
}

/// About `bytes` of English news text: the fixture's single-paragraph cases in order,
/// four to a paragraph, repeated.
func corpus(bytes target: Int, from url: URL) -> String {
    struct Case: Decodable { var text: String }
    struct File: Decodable { var cases: [Case] }
    guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
        fail("cannot read the fixture \(url.path); pass --fixtures PATH")
    }
    let texts = file.cases.map(\.text).filter { !$0.contains("\n") }
    var text = ""
    text.reserveCapacity(target + 4096)
    var index = 0
    while text.utf8.count < target {
        for k in 0..<4 { text += (k == 0 ? "" : " ") + texts[(index + k) % texts.count] }
        text += "\n\n"
        index += 4
    }
    return TextNormalizer.normalize(text)
}

func milliseconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let options = Options(CommandLine.arguments)
let text = corpus(bytes: 1_000_000, from: options.fixtures)
let scalars = Array(text.unicodeScalars)
print("text: \(text.utf8.count) bytes, \(scalars.count) code points of English news")

// What `find` does: fold the article, fold the words, scan.
let queries = ["the", "officials", "Reuters", "no match at all here"]
for query in queries {
    var times: [Double] = []
    var hits = 0
    for _ in 0..<options.runs {
        times.append(milliseconds {
            let pattern = FoldedText.pattern(query, caseInsensitive: true)
            hits = FoldedText(scalars, caseInsensitive: true).occurrences(of: pattern).count
        })
    }
    times.sort()
    let best = times[0], median = times[times.count / 2]
    let label = "find \"\(query)\"".padding(toLength: 30, withPad: " ", startingAt: 0)
    print(label + String(format: "%6d hits  best %7.2f ms  median %7.2f ms  (%d runs)", hits, best, median, options.runs))
}
