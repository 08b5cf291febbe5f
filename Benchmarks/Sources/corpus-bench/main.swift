// Corpus benchmark: `claimdesk index` and `claimdesk query` over a desk of generated sessions.
//
//   full build of the index (a process, from no index), a refresh with nothing changed, a refresh
//   after one session changed (five different sessions, each checked to re-index exactly one),
//   five typical questions answered in-process through ClaimDeskCorpus (p50/p99 of 200 runs each)
//   and as a process (`claimdesk query`, median of 10), the index's size on disk; with the
//   sqlite3 command-line shell on the same index file and the same SQL as the peer, where installed.
//   The month question is asked twice: over `claim_list` and over the counts kept at refresh (`claim_counts`).
//   Then `sources --across` for the whole desk and with each filter it takes (in-process and as a
//   process), each answer checked against the same table counted from every row.
//
// Usage: corpus-bench CLAIMDESK_BINARY [SESSIONS [ANNOTATIONS_PER_SESSION]]   (default 10000 100)
//        FULL_BUILD=0 corpus-bench …   keeps the index of an earlier run (refreshes and questions only)
// The sessions are written under $TMPDIR once per size and kept for reruns (KEEP=0 removes them).
import BenchSupport
import ClaimDeskCore
import ClaimDeskCorpus
import Foundation
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

/// CPU seconds (user + system) used so far by this thread.
func cpu() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs a process in `folder`, returning its standard output, the seconds it took and the CPU
/// seconds it used (the machine may be shared: CPU time is what the work itself cost).
///
/// `posix_spawn` and `wait4`, not Foundation's `Process`: its `waitUntilExit` polls a run loop
/// every 50 ms, which added up to 50 ms to every process timed here (measured: `/bin/true`
/// took a median of 51.5 ms through `Process`, 0.9 ms this way).
@discardableResult
func run(_ executable: String, _ arguments: [String], in folder: String) -> (output: String, seconds: Double, cpu: Double) {
    guard FileManager.default.changeCurrentDirectoryPath(folder) else { fatalError("cannot work in \(folder)") }
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { fatalError("cannot make a pipe") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let start = now()
    guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { fatalError("cannot run \(executable)") }
    close(pipeEnds[1])
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = read(pipeEnds[0], &buffer, buffer.count)
        if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
    let seconds = now() - start
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (String(decoding: output, as: UTF8.self), seconds, cpu)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: corpus-bench CLAIMDESK_BINARY [SESSIONS [ANNOTATIONS_PER_SESSION]]\n".utf8))
    exit(2)
}
let binary = arguments[1]
let sessionCount = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let perSession = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
let environment = ProcessInfo.processInfo.environment
let root = (environment["TMPDIR"] ?? "/tmp") + "/claimdesk-corpus-bench-\(sessionCount)x\(perSession)"
let folder = root + "/sessions"
let indexPath = root + "/index.sqlite"
defer { if environment["KEEP"] == "0" { try? FileManager.default.removeItem(atPath: root) } }

// 1. The desk's sessions, written once (and kept for reruns).
let marker = root + "/complete"
var generateSeconds = 0.0
if !FileManager.default.fileExists(atPath: marker) {
    try? FileManager.default.removeItem(atPath: root)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let start = now()
    var generator = DeskGenerator()
    for number in 1...sessionCount {
        let data = SessionDocument.encode(generator.session(number, annotations: perSession))
        try data.write(to: URL(fileURLWithPath: folder + "/desk\(number).json"))
        if number % 1000 == 0 { FileHandle.standardError.write(Data("generated \(number) sessions\n".utf8)) }
    }
    generateSeconds = now() - start
    _ = FileManager.default.createFile(atPath: marker, contents: Data())
}
let bytes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).reduce(0) { total, name in
    total + (((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int) ?? 0)
}

// 2. Full build, from no index (FULL_BUILD=0 keeps an index left by an earlier run, rebuilt by
//    `claimdesk index` only if its schema is another version's: for timing refreshes and questions alone).
let fullBuild = environment["FULL_BUILD"] != "0" || !FileManager.default.fileExists(atPath: indexPath)
if fullBuild { try? FileManager.default.removeItem(atPath: indexPath) }
let full = run(binary, ["index", "--index", indexPath, folder], in: root)
guard full.output.contains("Indexed \(sessionCount) sessions") else { fatalError("the index does not hold every session: \(full.output)") }
guard !fullBuild || full.output.contains("\(sessionCount) re-indexed") else { fatalError("the full build did not index every session: \(full.output)") }

// 3. Refresh with nothing changed, five times.
var idle: [Double] = []
var idleCPU: [Double] = []
for _ in 0..<5 {
    let refresh = run(binary, ["index", "--index", indexPath, folder], in: root)
    idle.append(refresh.seconds)
    idleCPU.append(refresh.cpu)
}

// 4. Refresh after one session changed: a claim's verdict edited in five different sessions.
var oneChanged: [Double] = []
var oneChangedCPU: [Double] = []
for round in 0..<5 {
    let number = 1 + (round * 997) % sessionCount
    let path = folder + "/desk\(number).json"
    var session = try SessionDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)))
    guard var claim = session.orderedClaims.first else { fatalError("no claim in \(path)") }
    claim.verdict = claim.verdict == "false" ? "true" : "false"
    session.put(.claim(claim))
    try SessionDocument.encode(session).write(to: URL(fileURLWithPath: path))
    let refresh = run(binary, ["index", "--index", indexPath, folder], in: root)
    guard refresh.output.contains(": 1 re-indexed, \(sessionCount - 1) unchanged") else {
        fatalError("a refresh after one change re-indexed otherwise: \(refresh.output)")
    }
    oneChanged.append(refresh.seconds)
    oneChangedCPU.append(refresh.cpu)
}
let indexBytes = ((try? FileManager.default.attributesOfItem(atPath: indexPath))?[.size] as? Int) ?? 0

// 5. Five typical questions.
struct Question {
    var name: String
    var query: CorpusQuery?
    var sql: String?
    var commandLine: [String]
}
func claims(_ build: (inout CorpusQuery) -> Void) -> CorpusQuery {
    var query = CorpusQuery(subject: .claims)
    build(&query)
    return query
}
let monthSQL = """
    SELECT via, verdict, count(*) AS claims FROM claim_list WHERE published BETWEEN '2026-03-01' AND '2026-03-31' \
    GROUP BY via, verdict ORDER BY claims DESC LIMIT 20
    """
let countsSQL = """
    SELECT via, verdict, sum(claims) AS claims FROM claim_counts WHERE published BETWEEN '2026-03-01' AND '2026-03-31' \
    GROUP BY via, verdict ORDER BY claims DESC LIMIT 20
    """
let questions = [
    Question(name: "claims by one official", query: claims { $0.by = "Official 17" }, commandLine: ["--by", "Official 17"]),
    Question(name: "misleading via an outlet in March", query: claims { $0.via = "Outlet 3"; $0.verdict = "misleading"; $0.since = "2026-03-01"; $0.until = "2026-03-31" },
             commandLine: ["--via", "Outlet 3", "--verdict", "misleading", "--since", "2026-03-01", "--until", "2026-03-31"]),
    Question(name: "text: \"tanker seizure\", first 50", query: claims { $0.text = "tanker seizure"; $0.limit = 50 },
             commandLine: ["--text", "tanker seizure", "--limit", "50"]),
    Question(name: "stances held by one official", query: { var q = CorpusQuery(subject: .stances); q.by = "Official 17"; return q }(),
             commandLine: ["stances", "--by", "Official 17"]),
    Question(name: "--sql verdicts by outlet, March", sql: monthSQL, commandLine: ["--sql", monthSQL]),
    Question(name: "  the same from claim_counts", sql: countsSQL, commandLine: ["--sql", countsSQL]),
]
let index = try CorpusIndex(path: indexPath, readOnly: true)
var rows: [String] = []
var sqlite3Figure = "sqlite3 not installed"
for question in questions {
    var times: [Double] = []
    var cpus: [Double] = []
    var count = 0
    for i in 0..<200 {
        let start = now()
        let startCPU = cpu()
        let table = try question.sql.map { try index.sql($0) } ?? index.query(question.query ?? CorpusQuery())
        times.append(now() - start)
        cpus.append(cpu() - startCPU)
        if i == 0 { count = table.rows.count }
    }
    var process: [Double] = []
    for _ in 0..<10 { process.append(run(binary, ["query", "--index", indexPath, "--format", "csv"] + question.commandLine, in: root).seconds) }
    rows.append(question.name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: " %6d %8.2f %8.2f %8.2f %8.2f %10.1f", count, percentile(times, 0.5) * 1000,
                       percentile(times, 0.99) * 1000, percentile(cpus, 0.5) * 1000, percentile(cpus, 0.99) * 1000,
                       percentile(process, 0.5) * 1000))
    if question.sql == monthSQL, FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
        var peer: [Double] = []
        for _ in 0..<10 { peer.append(run("/usr/bin/sqlite3", ["-readonly", "-csv", indexPath, monthSQL], in: root).seconds) }
        sqlite3Figure = String(format: "sqlite3 CLI, same SQL, same file: %.1f ms median process (claimdesk query --sql: %.1f ms, ratio %.2f)",
                               percentile(peer, 0.5) * 1000, percentile(process, 0.5) * 1000, percentile(process, 0.5) / percentile(peer, 0.5))
    }
}
// 6. `sources --across`: the whole desk and each filter it takes, in-process (median of 5, wall and
//    thread CPU) and as a `claimdesk sources --across` process (median of 5, wall and CPU); each
//    answer is checked once against the same table counted from every row.
/// One `sources --across` question: its flags as `claimdesk sources --across` takes them, from
/// which the query and the row's name are made.
struct AcrossQuestion {
    /// The query's field for a flag.
    static func field(_ flag: String) -> WritableKeyPath<CorpusQuery, String?> {
        switch flag {
        case "--by": \.by
        case "--source-kind": \.sourceKind
        case "--tag": \.tag
        case "--status": \.status
        case "--author": \.author
        case "--text": \.text
        case "--session": \.session
        default: fatalError("no such filter: \(flag)")
        }
    }
    var arguments: [String]

    var name: String {
        arguments.isEmpty ? "(the whole desk)" : arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    func build(_ query: inout CorpusQuery) {
        for i in stride(from: 0, to: arguments.count, by: 2) { query[keyPath: Self.field(arguments[i])] = arguments[i + 1] }
    }
}
let acrossQuestions = [
    [], ["--source-kind", "official"], ["--source-kind", "outlet"], ["--status", "open"], ["--author", "analyst3"],
    ["--source-kind", "official", "--author", "analyst3"], ["--by", "Official 17"], ["--tag", "escalation"],
    ["--text", "official"], ["--session", "desk17"], ["--session", "desk17", "--source-kind", "official"],
].map(AcrossQuestion.init)
var acrossRows: [String] = []
var wholeFromRows = 0.0
for question in acrossQuestions {
    var query = CorpusQuery(subject: .sources)
    question.build(&query)
    var times: [Double] = []
    var cpus: [Double] = []
    var answer = CorpusTable(columns: [], rows: [])
    for _ in 0..<5 {
        let start = now()
        let startCPU = cpu()
        answer = try index.sourcesAcross(query)
        times.append(now() - start)
        cpus.append(cpu() - startCPU)
    }
    let start = now()
    let fromRows = try index.sourcesAcross(query, fromTallies: false)
    if question.arguments.isEmpty { wholeFromRows = now() - start }
    guard fromRows == answer else { fatalError("sources --across \(question.name) differs between the tallies and the rows") }
    var process: [Double] = []
    var processCPU: [Double] = []
    for _ in 0..<5 {
        let result = run(binary, ["sources", "--across", "--index", indexPath, "--format", "csv"] + question.arguments, in: root)
        process.append(result.seconds)
        processCPU.append(result.cpu)
    }
    acrossRows.append(question.name.padding(toLength: 46, withPad: " ", startingAt: 0)
                      + String(format: " %5d %8.1f %8.1f %10.1f %10.1f", answer.rows.count, percentile(times, 0.5) * 1000,
                               percentile(cpus, 0.5) * 1000, percentile(process, 0.5) * 1000, percentile(processCPU, 0.5) * 1000))
}

print("corpus index: \(sessionCount) sessions x \(perSession) annotations = \(sessionCount * perSession) annotations, "
      + String(format: "%.0f MB of session JSON", Double(bytes) / 1_048_576)
      + (generateSeconds > 0 ? String(format: " (generated in %.0f s)", generateSeconds) : ""))
var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
print(String(format: "  (wall-clock and CPU time; the machine's load average at the end: %.1f on %d cores)", load[0],
             ProcessInfo.processInfo.activeProcessorCount))
print(fullBuild ? String(format: "  full build (claimdesk index, no index yet)   %8.1f s wall, %.1f s CPU", full.seconds, full.cpu)
      : String(format: "  full build skipped (FULL_BUILD=0): the first index run took %.1f s wall, %.1f s CPU", full.seconds, full.cpu))
print(String(format: "  refresh, nothing changed   median / max      %8.1f / %.1f ms wall, CPU median %.1f ms",
             percentile(idle, 0.5) * 1000, (idle.max() ?? 0) * 1000, percentile(idleCPU, 0.5) * 1000))
print(String(format: "  refresh, one session changed  median / max   %8.1f / %.1f ms wall, CPU median %.1f / max %.1f ms   (goal < 100 ms)",
             percentile(oneChanged, 0.5) * 1000, (oneChanged.max() ?? 0) * 1000, percentile(oneChangedCPU, 0.5) * 1000,
             (oneChangedCPU.max() ?? 0) * 1000))
print(String(format: "  index size on disk                           %8.1f MB", Double(indexBytes) / 1_048_576))
print("  question                               rows  p50 ms   p99 ms  CPU p50  CPU p99  process ms")
print("  (in-process through ClaimDeskCorpus, 200 runs each, wall and thread CPU; process: claimdesk query, wall median of 10; goal p99 < 50 ms)")
for row in rows { print("  " + row) }
print("  " + sqlite3Figure)
print("  sources --across                                rows  wall ms   CPU ms  process ms  process CPU")
print("  (in-process through ClaimDeskCorpus, median of 5, wall and thread CPU; process: claimdesk sources --across, median of 5)")
for row in acrossRows { print("  " + row) }
print(String(format: "  (the whole desk counted from every row instead, the check: %.0f ms)", wholeFromRows * 1000))
