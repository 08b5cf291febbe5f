// Web-page extraction: runs ClaimDesk's extractor over the evaluation pages, writes what it
// found (the JSON of `claimdesk extract`) for the scorer, and prints the speed in MB/s of HTML.
//
// Usage: web-bench PAGES_DIR OUT_DIR [ROUNDS]
import ClaimDeskWeb
import Foundation
import Glibc

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: web-bench PAGES_DIR OUT_DIR [ROUNDS]\n".utf8))
    exit(2)
}
let pagesDir = URL(fileURLWithPath: arguments[1])
let outDir = URL(fileURLWithPath: arguments[2])
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
let names = try FileManager.default.contentsOfDirectory(atPath: pagesDir.path).filter { $0.hasSuffix(".html") }.sorted()
let pages: [(String, [UInt8])] = try names.map { ($0, [UInt8](try Data(contentsOf: pagesDir.appendingPathComponent($0)))) }
let totalBytes = pages.reduce(0) { $0 + $1.1.count }

for (name, bytes) in pages {
    let output: [UInt8]
    do {
        output = try WebPageReader.read(bytes).json()
    } catch {
        output = Array("{\"error\": \"\(error.message)\"}\n".utf8)
    }
    try Data(output).write(to: outDir.appendingPathComponent(String(name.dropLast(5)) + ".json"))
}

var best = Double.infinity
for _ in 0..<rounds {
    let start = seconds()
    var paragraphs = 0
    for (_, bytes) in pages { paragraphs += (try? WebPageReader.read(bytes))?.paragraphs.count ?? 0 }
    best = min(best, seconds() - start)
    if paragraphs == 0 { print("no paragraphs?") }
}
let megabytes = Double(totalBytes) / 1_048_576
print(String(format: "claimdesk: %d pages, %.2f MB of HTML in %.1f ms (best of %d): %.1f MB/s",
             pages.count, megabytes, best * 1000, rounds, megabytes / best))
