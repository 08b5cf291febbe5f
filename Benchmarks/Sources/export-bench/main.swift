// Export benchmark: what each export format costs as a session grows from 1k to 100k annotations,
// as a user runs it (`claimdesk export SESSION --format F -o FILE`), and how much of that is the
// exporter rather than opening the session.
//
// CPU seconds (user + system, which a shared, loaded machine disturbs far less than wall time)
// and peak RSS, from /usr/bin/time, best of three runs (RSS: the largest):
//   open      `claimdesk export` of ClaimReview without --all, refused because no claim is
//             accepted: everything an export does before its first byte (start, read, decode,
//             replay), and nothing after
//   FORMAT    the export itself, and net of open (the difference)
//
// Prints `RESULT size=N key=value …` lines and a table.
//
// Usage: export-bench CLAIMDESK_BINARY [SIZES...]   (default 1000 10000 100000; RUNS=3)
//        export-bench --write N PATH                 (writes the session of N annotations it measures)
import BenchSupport
import ClaimDeskCore
import Foundation
import Glibc

/// CPU seconds (user + system) and peak RSS in MB of a command, from /usr/bin/time; nil when it
/// did not end as `expectedStatus` says.
func timed(_ arguments: [String], folder: String, expectedStatus: Int32 = 0) -> (cpu: Double, peakMB: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    let figures = folder + "/time-\(getpid()).txt"
    process.arguments = ["-o", figures, "-f", "TIME %U %S %M"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    // The export's notes (one per annotation left out) go to a file nobody reads, not a pipe.
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    let text = (try? String(contentsOfFile: figures, encoding: .utf8)) ?? ""
    guard process.terminationStatus == expectedStatus,
          let line = text.split(separator: "\n").last(where: { $0.hasPrefix("TIME ") }) else {
        FileHandle.standardError.write(Data("failed: \(arguments.joined(separator: " ")): \(text.suffix(400))\n".utf8))
        return nil
    }
    let parts = line.split(separator: " ").compactMap { Double($0) }
    guard parts.count == 3 else { return nil }
    return (parts[0] + parts[1], parts[2] / 1024)
}

/// The best CPU time and the largest peak RSS of `runs` runs.
func best(_ runs: Int, _ run: () -> (cpu: Double, peakMB: Double)?) -> (cpu: Double, peakMB: Double) {
    let figures = (0..<runs).compactMap { _ in run() }
    return (figures.map(\.cpu).min() ?? .nan, figures.map(\.peakMB).max() ?? .nan)
}

func fmt(_ x: Double, _ digits: Int = 2) -> String { x.isNaN ? "-" : String(format: "%.\(digits)f", x) }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--write", arguments.count == 3, let size = Int(arguments[1]) {
    // The session the benchmark measures, kept: for perf record, or to compare two builds' bytes.
    var generator = Generator()
    try SessionDocument.encode(generator.session(annotations: size, rich: true)).write(to: URL(fileURLWithPath: arguments[2]))
    exit(0)
}
guard let binary = arguments.first else {
    FileHandle.standardError.write(Data("usage: export-bench CLAIMDESK_BINARY [SIZES...]\n".utf8))
    exit(2)
}
let sizes = arguments.count > 1 ? arguments.dropFirst().compactMap { Int($0) } : [1_000, 10_000, 100_000]
let runs = Int(ProcessInfo.processInfo.environment["RUNS"] ?? "") ?? 3
let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-export-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: root + "/sessions", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

var table = ["annotations  file MB  format       CPU s  net of open s  peak RSS MB"]
for size in sizes {
    var generator = Generator()
    let name = "bench\(size)"
    let path = root + "/sessions/\(name).json"
    let data = SessionDocument.encode(generator.session(annotations: size, rich: true))
    try data.write(to: URL(fileURLWithPath: path))
    let fileMB = Double(data.count) / 1_048_576
    var result: [(String, String)] = [("size", "\(size)"), ("file_mb", fmt(fileMB, 1))]
    func row(_ label: String, _ cpu: Double, _ net: Double?, _ peak: Double) {
        func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
            let pad = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + pad : pad + text
        }
        table.append([padded("\(size)", 11), padded(fmt(fileMB, 1), 7), padded(label, 11, left: true), padded(fmt(cpu), 5),
                      padded(net.map { fmt($0) } ?? "", 13), padded(fmt(peak, 0), 11)].joined(separator: "  "))
    }
    // No generated claim is accepted, so ClaimReview without --all stops right after opening.
    let open = best(runs) {
        timed([binary, "export", name, "--sessions", "sessions", "--format", "claimreview", "-o", root + "/refused"],
              folder: root, expectedStatus: 1)
    }
    result += [("open_cpu_s", fmt(open.cpu)), ("open_peak_mb", fmt(open.peakMB, 0))]
    row("(open)", open.cpu, nil, open.peakMB)
    for format in ExportFormat.allCases {
        let out = root + "/out-\(format.rawValue)"
        let figures = best(runs) {
            defer { try? FileManager.default.removeItem(atPath: out) }
            return timed([binary, "export", name, "--sessions", "sessions", "--format", format.rawValue, "-o", out]
                         + (format == .claimreview ? ["--all"] : []), folder: root)
        }
        result += [("\(format.rawValue)_cpu_s", fmt(figures.cpu)), ("\(format.rawValue)_net_s", fmt(figures.cpu - open.cpu)),
                   ("\(format.rawValue)_peak_mb", fmt(figures.peakMB, 0))]
        row(format.rawValue, figures.cpu, figures.cpu - open.cpu, figures.peakMB)
    }
    print("RESULT " + result.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    fflush(nil)
}
print(table.joined(separator: "\n"))
