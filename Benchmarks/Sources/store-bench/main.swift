// Store benchmark: per-change latency at 1k, 10k and 100k annotations over 100 articles, and
// the time to open and save such sessions, measured on the real `claimdesk` binary (batch mode
// over a pipe, so every change goes through the journal and its fsync). Python's `json` module
// loads and dumps the same file side by side.
//
// Usage: store-bench CLAIMDESK_BINARY [SIZES...]
import BenchSupport
import ClaimDeskCore
import Foundation
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}


let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: store-bench CLAIMDESK_BINARY [SIZES...]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let sizes = arguments.count > 2 ? arguments[2...].compactMap { Int($0) } : [1_000, 10_000, 100_000]
let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-store-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: root + "/sessions", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

print("annotations  file MB  change p50/p99 ms (claim | tag | undo)          open s  save s  | python start+load s  load s  dump s  | open/(start+load)  save/dump")
for size in sizes {
    var generator = Generator()
    let session = generator.session(annotations: size)
    let name = "bench\(size)"
    let path = root + "/sessions/\(name).json"
    let data = SessionDocument.encode(session)
    try data.write(to: URL(fileURLWithPath: path))

    // Open: start the shell on the session and wait for its answer.
    var opens: [Double] = []
    var saves: [Double] = []
    var claims: [Double] = [], tags: [Double] = [], undos: [Double] = []
    for round in 0..<3 {
        let start = now()
        let shell = try ShellProcess(binary: binary, arguments: ["--sessions", "sessions", name], folder: root)
        shell.readUntil("Opened ")
        opens.append(now() - start)
        if round == 0 {
            let claimIDs = session.claims.keys.sorted().map(\.rawValue)
            for i in 0..<200 {
                claims.append(shell.time("claim @\(i)-\(i + 13)", until: "  claim"))
                tags.append(shell.time("tag \(claimIDs[i]) bench\(i)", until: "  tagged"))
                undos.append(shell.time("undo", until: "Undid"))
            }
        }
        saves.append(shell.time("save", until: "Saved "))
        shell.finish()
    }

    // Python's json on the same file: load, and dump as we write (indent, sorted keys).
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", """
        import json, sys, time
        path = sys.argv[1]
        loads, dumps = [], []
        for _ in range(3):
            t = time.perf_counter(); d = json.load(open(path, encoding='utf-8')); loads.append(time.perf_counter() - t)
            t = time.perf_counter()
            with open(path + '.py', 'w', encoding='utf-8') as f: json.dump(d, f, indent=2, sort_keys=True, ensure_ascii=False)
            dumps.append(time.perf_counter() - t)
        print(min(loads), min(dumps))
        """, path]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    python.waitUntilExit()
    let figures = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    let (pyLoad, pyDump) = figures.count == 2 ? (figures[0], figures[1]) : (Double.nan, Double.nan)
    // Python started, loading the file, as `claimdesk NAME` starts and opens it: like for like.
    var pyProcess: [Double] = []
    for _ in 0..<3 {
        let start = now()
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))", path]
        try run.run()
        run.waitUntilExit()
        pyProcess.append(now() - start)
    }
    let pyOpen = pyProcess.min()!
    let open = opens.min()!, save = saves.min()!
    print(String(format: "%11d  %7.1f  %5.2f/%5.2f | %5.2f/%5.2f | %5.2f/%5.2f   %6.3f  %6.3f  | %19.3f  %6.3f  %6.3f  | %16.2fx  %8.2fx",
                 size, Double(data.count) / 1_048_576,
                 percentile(claims, 0.5) * 1000, percentile(claims, 0.99) * 1000,
                 percentile(tags, 0.5) * 1000, percentile(tags, 0.99) * 1000,
                 percentile(undos, 0.5) * 1000, percentile(undos, 0.99) * 1000,
                 open, save, pyOpen, pyLoad, pyDump, open / pyOpen, save / pyDump))
}
print("(ratios below 1 mean ClaimDesk is faster; open is `claimdesk NAME` from process start to the session open,")
print(" with its lock and journal check, compared with Python started to load the same file; Python's load alone is shown too)")
