// Review benchmark: `claimdesk diff`, `claimdesk agree` and `claimdesk merge` on two analysts' sessions of 10,000
// annotations each over the same 100 articles (the second analyst keeps most spans, moves some,
// relabels some and adds their own), timed in-process and through the real binary.
//
// Usage: review-bench CLAIMDESK_BINARY [ANNOTATIONS]
import ClaimDeskCore
import Foundation
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

struct Generator {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}

let sentences = [
    "Senior U.S. officials said on Tuesday that the talks had stalled.",
    "The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”",
    "Gen. Thomas E. Reyes disagreed, saying the Navy would not escalate.",
    "Insurance premiums for ships crossing the strait have risen 40% since Jan. 1, the monitor said.",
    "A spokesman for the port authority declined to comment on the seizure.",
    "Analysts said the dispute could raise shipping costs by $1.2 billion a year.",
]
let time = Timestamp(secondsSince1970: 1_790_000_000)

/// Analyst A's session, and B's made from the same random choices with disagreements mixed in.
func sessions(annotations: Int) -> (Session, Session) {
    var text = Generator(state: 7)
    var a = Session(name: "a", analyst: "ana", created: time), b = Session(name: "b", analyst: "bob", created: time)
    var articles: [Article] = []
    for i in 1...100 {
        var paragraphs = ["Story \(i): harbor talks"]
        for _ in 0..<40 { paragraphs.append((0..<4).map { _ in sentences[text.next(sentences.count)] }.joined(separator: " ")) }
        let article = Article(id: AnnotationID(kind: .article, number: i), title: "Story \(i)", origin: nil,
                              text: paragraphs.joined(separator: "\n\n"), loaded: time)
        articles.append(article)
        a.put(.article(article)); b.put(.article(article))
    }
    let sourceCount = 100
    for i in 1...sourceCount {
        let source = Source(id: AnnotationID(kind: .source, number: i), name: "Source \(i)", kind: "official", author: "x", created: time)
        a.put(.source(source)); b.put(.source(source))
    }
    var random = Generator(state: 11)
    let kinds = ["factual", "opinion", "prediction"]
    for i in 1...(annotations * 8 / 10) {
        let article = articles[random.next(articles.count)]
        let sentence = article.content.segmentation.sentences[random.next(article.content.segmentation.sentences.count)]
        let range = sentence.range
        let claimant = AnnotationID(kind: .source, number: 1 + random.next(sourceCount))
        let kind = kinds[random.next(kinds.count)]
        let claim = Claim(id: AnnotationID(kind: .claim, number: i), anchor: Anchor(article: article.id, range: range, in: article.content),
                          claimant: claimant, kind: kind, verdict: "unverified", author: "ana", created: time)
        a.put(.claim(claim))
        switch random.next(10) {
        case 0: continue   // B missed it
        case 1:            // B marked less of it
            let shorter = range.lowerBound..<max(range.lowerBound + 1, range.upperBound - 10)
            b.put(.claim(Claim(id: claim.id, anchor: Anchor(article: article.id, range: shorter, in: article.content),
                               claimant: claimant, kind: kind, verdict: "unverified", author: "bob", created: time)))
        case 2:            // B chose another kind
            b.put(.claim(Claim(id: claim.id, anchor: claim.anchor, claimant: claimant, kind: kinds[random.next(kinds.count)],
                               verdict: "unverified", author: "bob", created: time)))
        default:
            b.put(.claim(Claim(id: claim.id, anchor: claim.anchor, claimant: claimant, kind: kind, verdict: "unverified",
                               author: "bob", created: time)))
        }
    }
    for i in 1...(annotations * 2 / 10) {
        let article = articles[random.next(articles.count)]
        let sentence = article.content.segmentation.sentences[random.next(article.content.segmentation.sentences.count)]
        let start = sentence.range.lowerBound
        let mention = Mention(id: AnnotationID(kind: .mention, number: i),
                              anchor: Anchor(article: article.id, range: start..<start + 6, in: article.content),
                              source: AnnotationID(kind: .source, number: 1 + random.next(sourceCount)), author: "ana", created: time)
        a.put(.mention(mention))
        if random.next(5) > 0 { b.put(.mention(mention)) }
    }
    return (a, b)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: review-bench CLAIMDESK_BINARY [ANNOTATIONS]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let size = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let (a, b) = sessions(annotations: size)
print("Review benchmark: two sessions of \(a.claims.count + a.mentions.count) and \(b.claims.count + b.mentions.count) annotations over 100 articles")

func best(_ runs: Int, _ body: () -> Void) -> Double {
    (0..<runs).map { _ in let start = now(); body(); return now() - start }.min() ?? 0
}
var lastDiff: SessionDiff?
var lastReport: AgreementReport?
let diffTime = best(5) { lastDiff = SessionDiff(left: a, right: b) }
let agreeTime = best(5) { lastReport = AgreementReport(sessions: [a, b], names: ["ana", "bob"]) }
var lastMerge: SessionMerge?
let mergeTime = best(5) {
    lastMerge = SessionMerge([.init(name: "ana", session: a), .init(name: "bob", session: b)], analyst: "ed", time: time)
}
print(String(format: "in-process  diff  %7.1f ms  (%d only in A, %d only in B, %d differ, %d identical)", diffTime * 1000,
             lastDiff?.onlyLeft.count ?? 0, lastDiff?.onlyRight.count ?? 0, lastDiff?.changed.count ?? 0, lastDiff?.identical ?? 0))
print(String(format: "in-process  agree %7.1f ms  (claim spans exact F1 %.3f, overlap F1 %.3f)", agreeTime * 1000,
             lastReport?.layers.first?.average.exact ?? .nan, lastReport?.layers.first?.average.overlap ?? .nan))
print(String(format: "in-process  merge %7.1f ms  (%d agreed, %d conflicts, %d sources joined)", mergeTime * 1000,
             lastMerge?.agreed ?? 0, lastMerge?.session.conflicts.count ?? 0, lastMerge?.joinedSources.count ?? 0))

// Through the binary: reading both files included, as a user runs it.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let pathA = folder.appendingPathComponent("a.json").path, pathB = folder.appendingPathComponent("b.json").path
try SessionDocument.encode(a).write(to: URL(fileURLWithPath: pathA))
try SessionDocument.encode(b).write(to: URL(fileURLWithPath: pathB))
let bytes = (try? FileManager.default.attributesOfItem(atPath: pathA)[.size] as? Int) ?? 0

func runBinary(_ args: [String]) -> Double {
    best(3) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}
print(String(format: "binary      diff  %7.1f ms, agree %7.1f ms  (two %.1f MB session files, read and compared)",
             runBinary(["diff", pathA, pathB]) * 1000, runBinary(["agree", pathA, pathB]) * 1000, Double(bytes) / 1e6))
let pathOut = folder.appendingPathComponent("merged.json").path
let mergeBinary = runBinary(["merge", pathA, pathB, "-o", pathOut, "--force", "--analyst", "ed"])
let mergedBytes = (try? FileManager.default.attributesOfItem(atPath: pathOut)[.size] as? Int) ?? 0
print(String(format: "binary      merge %7.1f ms  (both files read, merged and the %.1f MB result written)", mergeBinary * 1000,
             Double(mergedBytes) / 1e6))
