// Keystrokes to annotate the shipped sample article, two ways: every command typed by hand, and
// suggestions accepted (one rejected) then corrected. Both scripts run through the real shell in
// batch mode; the two saved sessions must hold the same attribution (sources with kinds and
// roles, claims with content, claimant, chain and cue, mentions), or the figures mean nothing.
//
// A keystroke is a character of a command line plus its Enter; comments, blank lines and the
// final `save` are not counted. Tab completion is not credited to either flow.
//
// Usage: keystroke-bench CLAIMDESK_BINARY ARTICLE HAND_SCRIPT SUGGESTED_SCRIPT
import ClaimDeskCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: keystroke-bench CLAIMDESK_BINARY ARTICLE HAND_SCRIPT SUGGESTED_SCRIPT\n".utf8))
    exit(2)
}
/// The shell runs in a folder of its own, so every path is made absolute first.
func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
let binary = absolute(arguments[1]), article = absolute(arguments[2])

/// The lines a user types: no comments, no blank lines, no closing save.
func typedLines(_ script: String) throws -> [String] {
    try String(contentsOfFile: script, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        .map(String.init)
        .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("save ") }
}

/// Runs a script on the article in a fresh folder and returns the session it saved.
func run(_ script: String, saving name: String) throws -> Session {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keystroke-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [article, "--script", script, "--bail"]
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["CLAIMDESK_ANALYST"] = "bench"
    environment["CLAIMDESK_SESSIONS"] = folder.appendingPathComponent("sessions").path
    process.environment = environment
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        FileHandle.standardError.write(Data("\(script) failed:\n".utf8) + message)
        exit(1)
    }
    let data = try Data(contentsOf: folder.appendingPathComponent("sessions/\(name).json"))
    return try SessionDocument.decode(data)
}

/// What the two flows must agree on, independent of ids and of the order things were made in.
func attribution(_ session: Session) -> [String] {
    let name = { (id: AnnotationID) in session.sourceName(id) }
    let sources = session.orderedSources.map { "source \($0.name) | \($0.kind) | \($0.role ?? "-")" }
    let claims = session.orderedClaims.map { claim in
        "claim \(claim.fragments.map { "\($0.start)-\($0.end)" }.joined(separator: "+")) | by \(claim.claimant.map(name) ?? "-")"
            + " | via \(claim.via.map(name).joined(separator: ", ")) | cue \(claim.cue.map { "\($0.start)-\($0.end)" } ?? "-")"
    }
    let mentions = session.orderedMentions.map { "mention \($0.anchor.start)-\($0.anchor.end) | \(name($0.source))" }
    return (sources + claims + mentions).sorted()
}

let flows = [("by hand", absolute(arguments[3]), "hand"), ("with suggestions", absolute(arguments[4]), "suggested")]
var results: [(label: String, commands: Int, keystrokes: Int, summary: [String])] = []
for (label, script, name) in flows {
    let lines = try typedLines(script)
    let session = try run(script, saving: name)
    results.append((label, lines.count, lines.reduce(0) { $0 + $1.count + 1 }, attribution(session)))
}

let hand = results[0], suggested = results[1]
let claims = hand.summary.filter { $0.hasPrefix("claim ") }.count
let mentions = hand.summary.filter { $0.hasPrefix("mention ") }.count
let sources = hand.summary.filter { $0.hasPrefix("source ") }.count
print("== keystrokes to annotate \((article as NSString).lastPathComponent) (\(claims) claims, \(mentions) mentions, \(sources) sources)")
func row(_ a: String, _ b: String, _ c: String) -> String {
    a.padding(toLength: 20, withPad: " ", startingAt: 0) + b.padding(toLength: 10, withPad: " ", startingAt: 0) + c
}
print(row("flow", "commands", "keystrokes"))
for result in results { print(row(result.label, "\(result.commands)", "\(result.keystrokes)")) }
let ratio = Double(suggested.keystrokes) / Double(max(1, hand.keystrokes))
print(String(format: "with suggestions / by hand: %.2f of the keystrokes, %.2f of the commands (goal: at most 0.50)",
             ratio, Double(suggested.commands) / Double(max(1, hand.commands))))
if hand.summary == suggested.summary {
    print("same annotation: yes (\(hand.summary.count) sources, claims and mentions compared)")
} else {
    print("same annotation: NO; differences:")
    for line in Set(hand.summary).symmetricDifference(suggested.summary).sorted() {
        print("  \(hand.summary.contains(line) ? "hand only     " : "suggested only") \(line)")
    }
    exit(1)
}
exit(ratio <= 0.5 ? 0 : 1)
