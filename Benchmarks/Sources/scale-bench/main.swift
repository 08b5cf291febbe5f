// Scale benchmark: what single commands and exports cost as a session grows from 1k to 100k
// annotations, on the real `claimdesk` binary, with Python's json and orjson on the same files.
//
//   per command (one shell, batch mode over a pipe, median of 20):
//     list claims --tag X (no match), claim … --by NAME (a known source), sources
//   open (process start to "Opened", best of 20) and net of start-up (the same with a short article,
//   to "Loaded", best of 20, the two timed in turns; and the difference of their medians), save
//   after one change,
//   every export format as a process (`claimdesk export`): seconds and peak RSS,
//   Python json / orjson load and dump of the same file.
//
// Prints `RESULT size=N key=value …` lines for Benchmarks/run.sh and a readable table.
//
// Usage: scale-bench CLAIMDESK_BINARY [SIZES...]   (EXPORT_LIMIT=seconds caps each export, default 120)
import BenchSupport
import ClaimDeskCore
import Foundation
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}


/// Runs a command under /usr/bin/time; wall seconds and peak RSS in MB, or nil past `limit` seconds.
func timed(_ arguments: [String], folder: String, limit: Double) -> (seconds: Double, peakMB: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    // The figures go to a file: the command's own warnings (one per annotation left out) would
    // fill a pipe nobody reads until it ends.
    let figures = folder + "/time-\(getpid()).txt"
    process.arguments = ["-o", figures, "-f", "TIME %e %M"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let start = now()
    try? process.run()
    while process.isRunning {
        if now() - start > limit {
            process.terminate()
            kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        usleep(2000)
    }
    let seconds = now() - start
    let text = (try? String(contentsOfFile: figures, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0,
          let line = text.split(separator: "\n").last(where: { $0.hasPrefix("TIME ") }) else {
        FileHandle.standardError.write(Data("failed: \(arguments.joined(separator: " ")): \(text.suffix(400))\n".utf8))
        return nil
    }
    let kb = Double(line.split(separator: " ").last ?? "") ?? .nan
    return (seconds, kb / 1024)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: scale-bench CLAIMDESK_BINARY [SIZES...]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let sizes = arguments.count > 2 ? arguments[2...].compactMap { Int($0) } : [1_000, 10_000, 100_000]
let exportLimit = Double(ProcessInfo.processInfo.environment["EXPORT_LIMIT"] ?? "") ?? 120
let formats = ["markdown", "html", "brat", "w3c", "claimreview", "csv"]
let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-scale-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: root + "/sessions", withIntermediateDirectories: true)
// The shell's own start, timed as opening is (over a pipe, from the start to what it prints):
// with a short article. Opening net of start-up is the difference; both are timed in turns, as
// orjson's are below, so that a slower spell of the machine weighs on both alike.
let article = root + "/article.txt"
try Data("Harbor talks stall\n\nOfficials said on Monday that the talks had stalled. Others disagreed.\n".utf8).write(to: URL(fileURLWithPath: article))
func shellStartSeconds() -> Double {
    let start = now()
    guard let shell = try? ShellProcess(binary: binary, arguments: ["--sessions", "sessions", article], folder: root) else { return .nan }
    shell.readUntil("Loaded ")
    let seconds = now() - start
    shell.finish()
    return seconds
}
defer { try? FileManager.default.removeItem(atPath: root) }

/// Seconds from starting `PYTHON -c CODE PATH` to its printing "Opened" once CODE has run, over a pipe as the shell is timed.
func processSeconds(_ python: String, code: String, path: String) -> Double {
    let start = now()
    guard let process = try? ShellProcess(binary: python, arguments: ["-c", code + "\nprint('Opened', flush=True)\nsys.stdin.read()", path],
                                          folder: root) else { return .nan }
    process.readUntil("Opened")
    let seconds = now() - start
    process.finish()
    return seconds
}

/// The Python interpreter itself when it has orjson, found once: `python3` on the path may be a
/// launcher script (pyenv's shims are), whose own start would be timed with Python's, several
/// times over.
let orjsonPython: String? = {
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = ["python3", "-c", "import orjson, sys; print(sys.executable)"]
    let pipe = Pipe()
    check.standardOutput = pipe
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    check.waitUntilExit()
    let executable = output.trimmingCharacters(in: .whitespacesAndNewlines)
    return check.terminationStatus == 0 && !executable.isEmpty ? executable : nil
}()

func fmt(_ x: Double, _ digits: Int = 2) -> String { x.isNaN ? "-" : String(format: "%.\(digits)f", x) }

for size in sizes {
    var generator = Generator()
    let session = generator.session(annotations: size, rich: true)
    let name = "bench\(size)"
    let path = root + "/sessions/\(name).json"
    let data = SessionDocument.encode(session)
    try data.write(to: URL(fileURLWithPath: path))
    var result: [(String, String)] = [("size", "\(size)"), ("file_mb", fmt(Double(data.count) / 1_048_576, 1)),
                                      ("sources", "\(session.sources.count)")]

    var opens: [Double] = []
    var listTag: [Double] = [], claimBy: [Double] = [], claimByID: [Double] = [], sources: [Double] = [], marker: [Double] = []
    var save = Double.nan
    // Best of twenty, like orjson's: best of ten moved by a millisecond from run to run.
    var starts: [Double] = []
    for round in 0..<20 {
        starts.append(shellStartSeconds())
        let start = now()
        let shell = try ShellProcess(binary: binary, arguments: ["--sessions", "sessions", name], folder: root)
        shell.readUntil("Opened ")
        opens.append(now() - start)
        if round == 0 {
            let known = "Source \(session.sources.count / 2)"
            _ = shell.time("list claims --tag nomatch", until: "no claims match")
            for i in 0..<20 {
                listTag.append(shell.time("list claims --tag nomatch", until: "no claims match"))
                claimBy.append(shell.time("claim @\(i)-\(i + 20) --by \(known)", until: "  claim"))
                _ = shell.time("undo", until: "Undid")
                // The same change naming the source by id: what the change costs without a name lookup.
                claimByID.append(shell.time("claim @\(i)-\(i + 20) --by src\(session.sources.count / 2)", until: "  claim"))
                _ = shell.time("undo", until: "Undid")
            }
            for _ in 0..<5 {
                marker.append(shell.time("zz-marker", until: "zz-marker"))
                sources.append(shell.time("sources\nzz-marker", until: "zz-marker"))
            }
            _ = shell.time("tag c1 benchsave", until: "tagged")
            save = shell.time("save", until: "Saved ")
        }
        shell.finish()
    }
    let shellStart = starts.min()!
    result += [("open_s", fmt(opens.min()!, 4)), ("start_s", fmt(shellStart, 4)), ("open_net_s", fmt(opens.min()! - shellStart, 4)),
               ("open_net_median_s", fmt(median(opens) - median(starts), 4)),
               ("save_s", fmt(save, 3)),
               ("list_tag_ms", fmt(median(listTag) * 1000)), ("claim_by_ms", fmt(median(claimBy) * 1000)),
               ("claim_by_id_ms", fmt(median(claimByID) * 1000)),
               ("sources_ms", fmt((median(sources) - median(marker)) * 1000, 1))]

    for format in formats {
        let out = root + "/out-\(format)"
        // ClaimReview writes accepted claims only unless --all; the generated claims are not reviewed.
        let figures = timed([binary, "export", name, "--sessions", "sessions", "--format", format, "-o", out]
                            + (format == "claimreview" ? ["--all"] : []),
                            folder: root, limit: exportLimit)
        result.append(("export_\(format)_s", figures.map { fmt($0.seconds) } ?? ">\(Int(exportLimit))"))
        result.append(("export_\(format)_peak_mb", figures.map { fmt($0.peakMB, 0) } ?? "-"))
        try? FileManager.default.removeItem(atPath: out)
    }

    // Python's json and orjson on the same file: load, and dump as the session is written.
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", """
        import json, sys, time
        path = sys.argv[1]
        raw = open(path, 'rb').read()
        def best(f):
            # Best of three, and of more while they take under half a second together (up to 50).
            times = []
            while len(times) < 3 or (sum(times) < 0.5 and len(times) < 50):
                t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
            return min(times)
        d = json.loads(raw)
        out = [best(lambda: json.loads(raw)), best(lambda: json.dumps(d, indent=2, sort_keys=True, ensure_ascii=False))]
        try:
            import orjson
            out += [best(lambda: orjson.loads(raw)), best(lambda: orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))]
        except ImportError:
            out += [float('nan'), float('nan')]
        print(' '.join(f'{x:.4f}' for x in out))
        """, path]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    python.waitUntilExit()
    let py = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan }
    let names = ["py_json_load_s", "py_json_dump_s", "orjson_load_s", "orjson_dump_s"]
    for (i, key) in names.enumerated() { result.append((key, fmt(i < py.count ? py[i] : .nan, 4))) }

    // orjson as a process, as the shell is timed: from the start to "Opened" printed after the
    // load; and net of Python's own start with orjson imported. Best of twenty each, taken in
    // turns: the net figure is the difference of two starts of Python, each ten times longer.
    if let python = orjsonPython {
        var loads: [Double] = [], starts: [Double] = []
        for _ in 0..<20 {
            loads.append(processSeconds(python, code: "import orjson, sys; orjson.loads(open(sys.argv[1], 'rb').read())", path: path))
            starts.append(processSeconds(python, code: "import orjson, sys", path: path))
        }
        result += [("orjson_process_s", fmt(loads.min()!, 4)), ("orjson_process_net_s", fmt(loads.min()! - starts.min()!, 4)),
                   ("orjson_process_net_median_s", fmt(median(loads) - median(starts), 4))]
    }

    print("RESULT " + result.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    fflush(nil)
}
