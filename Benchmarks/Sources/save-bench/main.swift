// Save benchmark: what `save` after one change costs in the real shell, on the real `claimdesk`
// binary, as a session grows: wall seconds (from sending `save` to "Saved ") and the shell's CPU
// seconds (user + system, from /proc/PID/schedstat) over the same span, for the first save after
// opening and for a second save after one more change. Each round is a new process; the figures
// printed are the medians of the rounds.
//
// The file is written 0.3 s before the shell opens it, as a session saved earlier would be.
// Writing and flushing a file of the same size is measured too (write + fsync, no encoding), so
// the part of a save that is the disk's can be told apart.
//
// Usage: save-bench CLAIMDESK_BINARY [SIZES...]   (ROUNDS=n, default 5)
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

/// Seconds a process has run on a CPU so far (user and system), from the scheduler's own count.
func cpuSeconds(of pid: Int32) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/schedstat", encoding: .utf8),
          let first = text.split(separator: " ").first, let nanoseconds = Double(first) else { return .nan }
    return nanoseconds / 1e9
}

/// Wall seconds to write `data` to a new file beside `path` and fsync it, and of the fsync alone.
func diskSeconds(_ data: Data, near path: String) -> (total: Double, fsync: Double) {
    let scratch = path + ".disk-probe"
    defer { unlink(scratch) }
    let start = now()
    let fd = open(scratch, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return (.nan, .nan) }
    data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n <= 0 { break }
            offset += n
        }
    }
    let written = now()
    fsync(fd)
    let end = now()
    close(fd)
    return (end - start, end - written)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: save-bench CLAIMDESK_BINARY [SIZES...]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let sizes = arguments.count > 2 ? arguments[2...].compactMap { Int($0) } : [1_000, 10_000, 100_000]
let rounds = Int(ProcessInfo.processInfo.environment["ROUNDS"] ?? "") ?? 5
let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-save-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: root + "/sessions", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

func fmt(_ x: Double) -> String { x.isNaN ? "-" : String(format: "%.3f", x) }

print("annotations     MB   first save s (cpu s)   second save s (cpu s)   write+fsync s (fsync s)")
for size in sizes {
    var generator = Generator()
    let session = generator.session(annotations: size, rich: true)
    let name = "bench\(size)"
    let path = root + "/sessions/\(name).json"
    let data = SessionDocument.encode(session)
    var first: [Double] = [], firstCPU: [Double] = [], second: [Double] = [], secondCPU: [Double] = []
    var disk: [Double] = [], fsyncs: [Double] = []
    for _ in 0..<rounds {
        try data.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: root + "/sessions/\(name).journal")
        // A session is opened well after it was saved: a file written a moment ago is checked by
        // reading it back at the save (its stamp has not settled; see SnapshotStamp), which is
        // what scale-bench measures.
        usleep(300_000)
        let shell = try ShellProcess(binary: binary, arguments: ["--sessions", "sessions", name], folder: root)
        shell.readUntil("Opened ")
        // A few commands first, as an analyst would type before saving.
        _ = shell.time("list claims --tag nomatch", until: "no claims match")
        _ = shell.time("tag c1 benchsave", until: "tagged")
        let pid = shell.pid
        var cpu = cpuSeconds(of: pid)
        first.append(shell.time("save", until: "Saved "))
        firstCPU.append(cpuSeconds(of: pid) - cpu)
        _ = shell.time("tag c2 benchsave", until: "tagged")
        cpu = cpuSeconds(of: pid)
        second.append(shell.time("save", until: "Saved "))
        secondCPU.append(cpuSeconds(of: pid) - cpu)
        shell.finish()
        let probe = diskSeconds(data, near: path)
        disk.append(probe.total)
        fsyncs.append(probe.fsync)
    }
    print(String(format: "%11d %6.1f", size, Double(data.count) / 1_048_576)
          + "   \(fmt(median(first))) (\(fmt(median(firstCPU))))         \(fmt(median(second))) (\(fmt(median(secondCPU))))"
          + "          \(fmt(median(disk))) (\(fmt(median(fsyncs))))")
    print("RESULT size=\(size) save_first_s=\(fmt(median(first))) save_first_cpu_s=\(fmt(median(firstCPU)))"
          + " save_second_s=\(fmt(median(second))) save_second_cpu_s=\(fmt(median(secondCPU)))"
          + " write_fsync_s=\(fmt(median(disk))) fsync_s=\(fmt(median(fsyncs)))")
}
