// Start-up and loading figures for the shell:
//  1. time from process start to the first prompt, with the sample article loaded, in a real
//     pseudo-terminal (the way a user starts it);
//  2. time to load and segment a 1 MB article in process (decode, normalise, hash, segment).
//
// Usage: startup-bench CLAIMDESK_BINARY SAMPLE_ARTICLE [RUNS]
import ClaimDeskCore
import Foundation
import Glibc

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: startup-bench CLAIMDESK_BINARY SAMPLE_ARTICLE [RUNS]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let sample = arguments[2]
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20

/// Starts the shell in a pseudo-terminal and returns the seconds until its first prompt appears.
func timeToFirstPrompt(folder: String) -> Double? {
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(binary), strdup(sample), nil]
    let env: [UnsafeMutablePointer<CChar>?] = [
        strdup("TERM=xterm"), strdup("NO_COLOR=1"), strdup("HOME=\(folder)"), strdup("CLAIMDESK_HISTORY=\(folder)/history"),
        strdup("CLAIMDESK_SESSIONS=\(folder)/sessions"), nil,
    ]
    var master: Int32 = 0
    let start = seconds()
    let pid = forkpty(&master, nil, nil, nil)
    if pid == 0 {
        execve(binary, argv, env)
        _exit(127)
    }
    guard pid > 0 else { return nil }
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    var elapsed: Double? = nil
    while seconds() - start < 10 {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 100) > 0 else { continue }
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { break }
        output += buffer[0..<n]
        // Loading an article is not unsaved work, so the prompt has no `*` until a change.
        if String(decoding: output, as: UTF8.self).contains("untitled> ") {
            elapsed = seconds() - start
            break
        }
    }
    _ = write(master, "\u{4}", 1)
    var status: Int32 = 0
    let deadline = seconds() + 5
    while waitpid(pid, &status, WNOHANG) == 0 && seconds() < deadline { usleep(10_000) }
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
    close(master)
    return elapsed
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-startup-\(getpid())").path
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

_ = timeToFirstPrompt(folder: folder)  // warm the page cache
var startups: [Double] = []
for _ in 0..<runs {
    try? FileManager.default.removeItem(atPath: folder + "/sessions")
    if let t = timeToFirstPrompt(folder: folder) { startups.append(t) }
}
guard !startups.isEmpty else {
    print("start-up: the shell never showed its prompt")
    exit(1)
}
print(String(format: "start to first prompt, sample article loaded (%d runs): median %.1f ms, p90 %.1f ms, min %.1f ms  (goal < 20 ms)",
             startups.count, percentile(startups, 0.5) * 1000, percentile(startups, 0.9) * 1000, startups.min()! * 1000))

// A 1 MB article made of the sample's paragraphs, repeated.
let sampleText = try String(contentsOfFile: sample, encoding: .utf8)
var big = ""
while big.utf8.count < 1_000_000 { big += sampleText + "\n\n" }
let bytes = Data(big.utf8.prefix(1_000_000))
var loads: [Double] = []
var sentences = 0
for _ in 0..<10 {
    let start = seconds()
    let text = try ArticleDecoder.decode(bytes)
    let article = Article(id: "a1", title: TitleDetector.title(of: text, isMarkdown: false), origin: nil, text: text,
                          loaded: Timestamp(secondsSince1970: 0))
    sentences = article.content.sentenceCount
    loads.append(seconds() - start)
}
print(String(format: "load and segment a 1 MB article (%d sentences, 10 runs): median %.1f ms, min %.1f ms  (goal < 50 ms)",
             sentences, percentile(loads, 0.5) * 1000, loads.min()! * 1000))
