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

/// Best time of `rounds` passes over `pages`.
func timeAll(_ pages: [(String, [UInt8])]) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = seconds()
        var paragraphs = 0
        for (_, bytes) in pages { paragraphs += (try? WebPageReader.read(bytes))?.paragraphs.count ?? 0 }
        best = min(best, seconds() - start)
        if paragraphs == 0 { print("no paragraphs?") }
    }
    return best
}

let best = timeAll(pages)
let megabytes = Double(totalBytes) / 1_048_576
print(String(format: "claimdesk: %d pages, %.2f MB of HTML in %.1f ms (best of %d): %.1f MB/s",
             pages.count, megabytes, best * 1000, rounds, megabytes / best))

// Real news pages weigh 100-500 KB, mostly inline scripts, styles, menus and tracking markup,
// around a few KB of story. The same pages with such a weight added show the speed per byte.
let script = "<script>" + String(repeating: "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());", count: 900) + "</script>"
let style = "<style>" + String(repeating: ".c-nav__item{display:flex;margin:0 4px;font:14px/1.4 sans-serif}", count: 600) + "</style>"
let menu = "<div class=\"mega-menu\"><ul>" + String(repeating: "<li><a href=\"/section/a\">Section</a><ul><li><a href=\"/x\">Item</a></li><li><a href=\"/y\">Other item</a></li></ul></li>", count: 250) + "</ul></div>"
let heavy: [(String, [UInt8])] = pages.map { name, bytes in
    var page = String(decoding: bytes, as: UTF8.self)
    if let head = page.range(of: "</head>") { page.replaceSubrange(head, with: script + style + "</head>") }
    if let body = page.range(of: "<body>") { page.replaceSubrange(body, with: "<body>" + menu) }
    return (name, Array(page.utf8))
}
let heavyBytes = heavy.reduce(0) { $0 + $1.1.count }
let heavyBest = timeAll(heavy)
let heavyMegabytes = Double(heavyBytes) / 1_048_576
print(String(format: "claimdesk, pages weighted like real ones (%d KB each on average): %.2f MB in %.1f ms: %.1f MB/s",
             heavyBytes / heavy.count / 1024, heavyMegabytes, heavyBest * 1000, heavyMegabytes / heavyBest))
