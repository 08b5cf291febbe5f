// Session I/O benchmark, in process: what encoding and decoding the session document cost as a
// session grows, without process start-up, disk or fsync. CPU seconds (every thread's), best of
// several runs; decoding also by the clock, since it hashes articles on a second core while it reads.
//
// Usage: session-io-bench [SIZES...]     (default 1000 10000 100000)
//        session-io-bench --write N PATH  (writes a generated session of N annotations, for peers)
//        session-io-bench --profile decode|encode N [RUNS]  (one operation ten times, for perf record;
//                                                      prints the fastest)
//        session-io-bench --decode PATH      (reads a session file once: for peak memory)
//        session-io-bench --roundtrip PATH   (reads a session file and writes it again, in memory;
//                                             exits 1 if the bytes differ)
import BenchSupport
import ClaimDeskCore
import Foundation
import Glibc

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func wallSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The least CPU time (of every thread) and the least clock time of `body` over at least three
/// runs, and more while they take under half a second together (up to 50): best of three at a
/// few milliseconds moved by a third between runs.
func bestTimes(_ body: () -> Void) -> (cpu: Double, wall: Double) {
    var cpu = Double.infinity, wall = Double.infinity
    var total = 0.0, runs = 0
    while runs < 3 || (total < 0.5 && runs < 50) {
        let startWall = wallSeconds(), start = cpuSeconds()
        body()
        let time = cpuSeconds() - start
        wall = min(wall, wallSeconds() - startWall)
        cpu = min(cpu, time)
        total += time
        runs += 1
    }
    return (cpu, wall)
}

func best(_ body: () -> Void) -> Double { bestTimes(body).cpu }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--write", arguments.count == 3, let size = Int(arguments[1]) {
    var generator = Generator()
    try SessionDocument.encode(generator.session(annotations: size, rich: true)).write(to: URL(fileURLWithPath: arguments[2]))
    exit(0)
}
if arguments.first == "--decode" || arguments.first == "--roundtrip", arguments.count == 2 {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    let session = try SessionDocument.decode(data)
    if arguments[0] == "--roundtrip", SessionDocument.encode(session) != data {
        print("the session written again differs from the file")
        exit(1)
    }
    exit(0)
}
if arguments.first == "--profile", arguments.count >= 3, let size = Int(arguments[2]) {
    // One operation ten times over (or RUNS times), for `perf record`.
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 10 : 10
    var generator = Generator()
    let session = generator.session(annotations: size, rich: true)
    let data = SessionDocument.encode(session)
    var fastest = Double.infinity, fastestWall = Double.infinity
    for _ in 0..<runs {
        let startWall = wallSeconds(), start = cpuSeconds()
        if arguments[1] == "decode" { _ = try? SessionDocument.decode(data) } else { _ = SessionDocument.encode(session) }
        fastest = min(fastest, cpuSeconds() - start)
        fastestWall = min(fastestWall, wallSeconds() - startWall)
    }
    print(String(format: "fastest %@ of %d: %.3f ms CPU, %.3f ms by the clock", arguments[1], runs, fastest * 1000, fastestWall * 1000))
    exit(0)
}
let sizes = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments.compactMap { Int($0) }
print("annotations     MB   encode ms   encode again ms   decode ms   decode clock ms")
var results: [String] = []
for size in sizes {
    var generator = Generator()
    var session = generator.session(annotations: size, rich: true)
    var data = Data()
    let encode = best { data = SessionDocument.encode(session) }
    var cache = SessionEncodingCache()
    _ = SessionDocument.encode(session, cache: &cache)
    // One change, then the save that follows it.
    if let claim = session.orderedClaims.first {
        var changed = claim
        changed.verdict = "false"
        session.put(.claim(changed))
    }
    // What a save does: the bytes as the writer made them, without the copy into `Data`.
    var bytes: [UInt8] = []
    let again = best { bytes = SessionDocument.encodedBytes(session, cache: &cache) }
    precondition(bytes == Array(SessionDocument.encode(session)), "the cached encoding differs from a full one")
    data = Data(bytes)
    let (decode, decodeWall) = bestTimes { _ = try? SessionDocument.decode(data) }
    print(String(format: "%11d %6.1f %11.1f %17.1f %11.1f %17.1f", size, Double(data.count) / 1_048_576,
                 encode * 1000, again * 1000, decode * 1000, decodeWall * 1000))
    // For Benchmarks/run.sh's table, beside orjson's in-memory loads and dumps (timed by the clock).
    results.append(String(format: "RESULT size=%d decode_s=%.4f decode_wall_s=%.4f encode_s=%.4f encode_again_s=%.4f",
                          size, decode, decodeWall, encode, again))
}
results.forEach { print($0) }
