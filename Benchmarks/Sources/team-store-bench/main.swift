// Team-store benchmark: concurrent clients on loopback, each the real `claimdesk` binary in batch
// mode over a pipe, each making changes to its own session in a PostgreSQL team store.
//
// 1. Saturated: CLIENTS clients each make CHANGES changes (one journal row each, of the same size
//    whatever came before) as fast as their answers come back: changes per second in all, and the
//    latency of a change (command sent → its answer read, which includes the INSERT's commit) as
//    p50/p99, with the CPU a change cost in the clients and in the server. Twice: with
//    `source add` (the shell looks for a near miss among the session's names) and with
//    `proposition add`.
// 2. Paced: the same clients at an analyst's pace, one change every 250–500 ms (at random), for
//    PACED seconds: the commit latency when the CPUs are not the queue.
// 3. The floor: `pgbench` on the same server in the same minutes, one bare INSERT (a row of the
//    same size as a change's) per transaction, saturated and at the same pace: what the disk's
//    WAL flush costs without ClaimDesk.
// 4. With SETTINGS (e.g. `commit_delay=1000,commit_siblings=5;wal_sync_method=open_datasync`: sets
//    split by `;`, each applied by ALTER SYSTEM and a reload), steps 1–3 again for each set, then
//    back to the defaults: settings a desk's server may use, reported apart from the defaults.
// 5. Chaos: for SECONDS, clients keep making changes while random clients are killed (SIGKILL)
//    and restarted, and the server is crashed (`pg_ctl stop -m immediate`) and started again at
//    random moments. Then every change that was acknowledged is looked for in the store's rows:
//    lost (not there) and applied twice (there more than once) must both be 0.
//
// Usage: team-store-bench CLAIMDESK_BINARY STORE_URL CLUSTER_DIR POSTGRES_SCRIPT ARTICLE [CLIENTS] [CHANGES] [SECONDS] [PACED] [SETTINGS]
import Foundation
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Prints a line at once (standard output may be a pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Waits for a process to end by polling: Foundation's `waitUntilExit` can hang when other
/// threads start and kill processes at the same time.
func awaitExit(_ process: Process) {
    while process.isRunning { usleep(5_000) }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

let arguments = CommandLine.arguments
guard arguments.count >= 6 else {
    FileHandle.standardError.write(Data("usage: team-store-bench CLAIMDESK_BINARY STORE_URL CLUSTER_DIR POSTGRES_SCRIPT ARTICLE [CLIENTS] [CHANGES] [SECONDS] [PACED] [SETTINGS]\n".utf8))
    exit(2)
}
// A write to a client that was just killed must fail, not end the benchmark.
signal(SIGPIPE, SIG_IGN)
let binary = arguments[1], storeURL = arguments[2], clusterDir = arguments[3], postgresScript = arguments[4], article = arguments[5]
let clientCount = arguments.count > 6 ? Int(arguments[6]) ?? 20 : 20
let changesPerClient = arguments.count > 7 ? Int(arguments[7]) ?? 200 : 200
let chaosSeconds = arguments.count > 8 ? Double(arguments[8]) ?? 30 : 30
let pacedSeconds = arguments.count > 9 ? Double(arguments[9]) ?? 20 : 20
/// Sets of server settings to try after the defaults: `a=1,b=2;c=3` is two sets.
let settingSets = arguments.count > 10 ? arguments[10].split(separator: ";").map { $0.split(separator: ",").map(String.init) } : []
let run = String(UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970)), radix: 36)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("team-store-bench-\(run)").path

/// Runs a program to its end; returns its standard output.
@discardableResult
func execute(_ path: String, _ args: [String], folder: String? = nil, environment: [String: String] = [:]) -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = args
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try! process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    awaitExit(process)
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs `.ci/postgres COMMAND CLUSTER` with no pipe of ours (the server it starts would keep it open).
func controlServer(_ command: String) {
    let line = "exec bash '\(postgresScript)' \(command) '\(clusterDir)' >/dev/null 2>&1 </dev/null"
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { fatalError("could not run \(postgresScript)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    if status != 0 { fatalError("\(postgresScript) \(command) failed") }
}

let clientEnvironment = ["CLAIMDESK_STORE": storeURL, "CLAIMDESK_ANALYST": "bench", "CLAIMDESK_STORE_RETRY_MS": "0", "NO_COLOR": "1"]

/// One analyst's `claimdesk`, fed one command at a time.
final class Client: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var buffer = Data()

    init(folder: String, session: String) {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [session]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in clientEnvironment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try! process.run()
    }

    /// Reads until one of the markers; nil when the process ended first.
    func readUntil(_ markers: [String]) -> String? {
        while true {
            for marker in markers {
                if let range = buffer.range(of: Data(marker.utf8)) {
                    buffer = Data(buffer[range.upperBound...])
                    return marker
                }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    func send(_ line: String) -> Bool {
        do { try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8)) } catch { return false }
        return true
    }

    /// Opens the session; false when it could not be opened for writing (server down, lease not yet free).
    func opened() -> Bool {
        guard let answer = readUntil([" (read-only)\n", "annotation\n", "annotations\n", "error:"]) else { return false }
        return answer.hasSuffix("annotation\n") || answer.hasSuffix("annotations\n")
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        awaitExit(process)
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        awaitExit(process)
    }
}

/// A folder and a session in the store for one client.
func prepare(_ name: String) -> String {
    let folder = root + "/" + name
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try? FileManager.default.copyItem(atPath: article, toPath: folder + "/article.txt")
    let (status, text) = execute(binary, ["article.txt", "-c", "claim s3 --by Courier; save \(name)"], folder: folder, environment: clientEnvironment)
    if status != 0 { fatalError("could not create \(name): \(text)") }
    return folder
}

/// A client that holds its session for writing, retrying while the server is down or the lease still held.
@Sendable func openClient(folder: String, session: String, until deadline: Double = now() + 120) -> Client {
    while true {
        let client = Client(folder: folder, session: session)
        if client.opened() { return client }
        client.kill()
        if now() > deadline { fatalError("\(session) could not be opened for two minutes") }
        usleep(100_000)
    }
}

/// What the client threads and the chaos loop share, behind one lock.
final class Shared: @unchecked Sendable {
    private let lock = NSLock()
    var latencies: [Double] = []
    var acknowledged: [[Int]]
    var current: [Client?]
    var reopenings = 0
    var stop = false

    init(clients: [Client?]) {
        current = clients
        acknowledged = Array(repeating: [], count: clients.count)
    }

    func locked<T>(_ body: (Shared) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }
}

// MARK: - 1–4. Saturated, paced, the floor

say("Team store: \(clientCount) concurrent clients on loopback (\(storeURL.replacingOccurrences(of: #":[^:@/]*@"#, with: "@", options: .regularExpression)))")

/// The machine's load average (1, 5, 15 minutes), as `uptime` prints it.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "? ? ?"
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// CPU seconds (user + system) a process has used so far; 0 once it is gone.
func cpuSeconds(_ pid: Int32) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return 0 }
    // After the command name: state is field 3, utime and stime are fields 14 and 15.
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// The server's processes: the postmaster and its children (backends, WAL writer, checkpointer…).
func serverProcesses() -> [Int32] {
    guard let text = try? String(contentsOfFile: clusterDir + "/data/postmaster.pid", encoding: .utf8),
          let postmaster = text.split(separator: "\n").first.flatMap({ Int32($0) }) else { return [] }
    var pids = [postmaster]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, Int32(fields[1]) == postmaster { pids.append(pid) }
    }
    return pids
}

/// CPU seconds used by the clients' processes and by the server's, for CPU per change.
struct CPUClock {
    let clients: [Int32]
    let server: [Int32]
    let start: (clients: Double, server: Double)

    init(clients: [Client]) {
        self.clients = clients.map { $0.process.processIdentifier }
        server = serverProcesses()
        start = (self.clients.map(cpuSeconds).reduce(0, +), server.map(cpuSeconds).reduce(0, +))
    }

    /// "client X ms, server Y ms of CPU per change".
    func perChange(_ changes: Int) -> String {
        let client = clients.map(cpuSeconds).reduce(0, +) - start.clients
        let serverNow = server.map(cpuSeconds).reduce(0, +) - start.server
        let n = Double(max(1, changes))
        return String(format: "CPU per change: claimdesk %.2f ms, server %.2f ms (total %.2f ms; %d cores)",
                      client / n * 1000, serverNow / n * 1000, (client + serverNow) / n * 1000,
                      ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// The server's WAL flushes (`pg_stat_wal`; their time needs `track_wal_io_timing`, which the
/// benchmark turns on): how many changes shared a flush, and what a flush cost.
struct WALClock {
    let start: (syncs: Double, milliseconds: Double)

    static func read() -> (syncs: Double, milliseconds: Double) {
        // A backend hands its counts over when idle or gone; give the last ones a moment.
        usleep(1_100_000)
        let (_, text) = execute("/usr/bin/psql", ["-At", storeURL, "-c", "SELECT wal_sync, wal_sync_time FROM pg_stat_wal"])
        let fields = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Double($0) }
        return fields.count == 2 ? (fields[0], fields[1]) : (0, 0)
    }

    init() { start = Self.read() }

    /// "WAL: N flushes, C changes per flush, a flush M ms on average".
    func perChange(_ changes: Int) -> String {
        let end = Self.read()
        let syncs = end.syncs - start.syncs
        guard syncs > 0 else { return "WAL: no flush counted (open_datasync and open_sync flush as they write, which pg_stat_wal does not count)" }
        return String(format: "WAL: %.0f flushes for %d changes (%.2f changes per flush), a flush %.2f ms on average",
                      syncs, changes, Double(changes) / syncs, (end.milliseconds - start.milliseconds) / syncs)
    }
}

func latencyLine(_ latencies: [Double]) -> String {
    String(format: "commit latency per change: p50 %.2f ms, p99 %.2f ms, max %.2f ms  (goal p99 < 10 ms)",
           percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, (latencies.max() ?? 0) * 1000)
}

/// Fresh sessions, one per client, each held for writing by its client.
func openClients(prefix: String) -> [Client] {
    let names = (0..<clientCount).map { "\(prefix)-\(run)-\($0)" }
    let folders = names.map(prepare)
    return zip(folders, names).map { openClient(folder: $0, session: $1) }
}

/// How clients make their changes: as fast as the answers come back (`changesPerClient` each,
/// which times the queue for the CPUs too), or at an analyst's pace (a change, then 250–500 ms
/// at random, for `pacedSeconds`), which times the commit.
enum Pacing {
    case saturated
    case analyst
}

/// Every client makes changes to its own new session at the given pace; prints the throughput,
/// the latency of a change, its CPU and the WAL flushes per change.
func measure(_ label: String, prefix: String, pacing: Pacing = .saturated, command: @escaping @Sendable (Int, Int) -> String,
             answer: @escaping @Sendable (Int, Int) -> String) {
    let clients = openClients(prefix: prefix)
    let measured = Shared(clients: clients)
    let group = DispatchGroup()
    let wal = WALClock()
    let clock = CPUClock(clients: clients)
    let start = now()
    let end = start + pacedSeconds
    for (index, client) in clients.enumerated() {
        group.enter()
        Thread {
            var random = SystemRandomNumberGenerator()
            var mine: [Double] = []
            var change = 0
            // Paced clients start out of step, as analysts do.
            if pacing == .analyst { usleep(UInt32.random(in: 0...500_000, using: &random)) }
            while pacing == .saturated ? change < changesPerClient : now() < end {
                let sent = now()
                guard client.send(command(index, change)), client.readUntil([answer(index, change)]) != nil else { fatalError("client \(index) ended") }
                mine.append(now() - sent)
                change += 1
                if pacing == .analyst { usleep(UInt32.random(in: 250_000...500_000, using: &random)) }
            }
            measured.locked { $0.latencies += mine }
            group.leave()
        }.start()
    }
    group.wait()
    let elapsed = now() - start
    let latencies = measured.locked { $0.latencies }
    let cpu = clock.perChange(latencies.count)
    clients.forEach { $0.finish() }
    let pace = pacing == .analyst ? " (each client one change every 250-500 ms)" : ""
    say("  \(label)")
    say(String(format: "    %d changes in %.2f s: %.0f changes/s", latencies.count, elapsed, Double(latencies.count) / elapsed) + pace)
    say("    " + latencyLine(latencies))
    say("    " + cpu)
    say("    " + wal.perChange(latencies.count))
}

/// A journal row as long as a `source add` change's, for the floor's INSERT.
let floorRowBytes: Int = {
    let probe = prepare("floor-probe-\(run)")
    let client = openClient(folder: probe, session: "floor-probe-\(run)")
    guard client.send("source add w0-0 --kind outlet"), client.readUntil(["(outlet)\n"]) != nil else { fatalError("probe ended") }
    client.finish()
    let (_, bytes) = execute("/usr/bin/psql", ["-At", storeURL, "-c",
        "SELECT max(octet_length(c.line)) FROM claimdesk_changes c JOIN claimdesk_sessions s ON s.id = c.session_id WHERE s.name = 'floor-probe-\(run)'"])
    return Int(bytes.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 300
}()

/// `pgbench`, one bare INSERT of a row that size per transaction, `clientCount` connections,
/// saturated or at about the paced clients' rate; latency from its per-transaction log.
func floor(paced: Bool, tag: String) {
    // A folder of its own per run: pgbench's logs from an earlier run must not be counted.
    let folder = root + "/pgbench-\(tag)-\(paced ? "paced" : "saturated")"
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    execute("/usr/bin/psql", ["-q", storeURL, "-c", "CREATE TABLE IF NOT EXISTS claimdesk_bench_floor (client int, seq bigint, line text)"])
    let script = folder + "/insert.sql"
    try! "\\set seq random(1, 1000000000)\nINSERT INTO claimdesk_bench_floor (client, seq, line) VALUES (:client_id, :seq, repeat('x', \(floorRowBytes)));\n"
        .write(toFile: script, atomically: true, encoding: .utf8)
    let seconds = paced ? Int(pacedSeconds) : 10
    // An analyst's mean gap is 375 ms plus the change itself.
    let rate = Double(clientCount) / 0.375
    var args = ["-n", "-c", String(clientCount), "-j", "2", "-T", String(seconds), "-f", script, "-l", "--log-prefix", folder + "/log"]
    if paced { args += ["-R", String(format: "%.0f", rate)] }
    let wal = WALClock()
    let (status, text) = execute("/usr/bin/pgbench", args + [storeURL], folder: folder)
    guard status == 0 else { say("    pgbench failed: " + text.split(separator: "\n").suffix(3).joined(separator: " / ")); return }
    var latencies: [Double] = []
    for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasPrefix("log") {
        let log = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
        for line in log.split(separator: "\n") {
            // client transaction latency_us script epoch epoch_us [schedule_lag_us]: the latency
            // less the lag is the transaction's own time.
            let fields = line.split(separator: " ")
            guard fields.count >= 6, let micros = Double(fields[2]) else { continue }
            let lag = fields.count >= 7 ? Double(fields[6]) ?? 0 : 0
            latencies.append((micros - lag) / 1e6)
        }
    }
    guard !latencies.isEmpty else { say("    pgbench logged nothing"); return }
    let tps = text.split(separator: "\n").first { $0.hasPrefix("tps") }.map(String.init) ?? ""
    say("  pgbench, a bare INSERT of a \(floorRowBytes)-byte row per transaction, \(clientCount) connections, \(paced ? String(format: "paced at %.0f transactions/s in all", rate) : "saturated"), \(seconds) s")
    say("    \(latencies.count) transactions; \(tps)")
    say(String(format: "    commit latency per transaction: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                 percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, (latencies.max() ?? 0) * 1000))
    say("    " + wal.perChange(latencies.count).replacingOccurrences(of: "changes", with: "transactions"))
}

/// The server's settings that decide a commit's cost, as they are now.
func serverSettings() -> String {
    let (_, text) = execute("/usr/bin/psql", ["-At", storeURL, "-c",
        "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'commit_siblings', 'full_page_writes')"])
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Steps 1–3 under the server's current settings.
func measureAll(_ label: String, round: Int) {
    let tag = "s\(round)"
    say("[\(label)] server: \(serverSettings()); load average \(loadAverage())")
    // A new source per change: the shell looks for a near miss among the session's names.
    measure("saturated: source add (a new source each; the shell looks for near misses among the session's names)", prefix: "bench\(tag)",
            command: { "source add w\($0)-\($1) --kind outlet" }, answer: { _, _ in "(outlet)\n" })
    // A new proposition per change: the shell's work stays the same, so what grows is the store's.
    measure("saturated: proposition add (a new proposition each)", prefix: "bench-p\(tag)",
            command: { "proposition add Shipping through the strait resumes in week \($0)-\($1)" }, answer: { "week \($0)-\($1)\n" })
    floor(paced: false, tag: tag)
    measure("paced: source add", prefix: "paced\(tag)", pacing: .analyst,
            command: { "source add w\($0)-\($1) --kind outlet" }, answer: { _, _ in "(outlet)\n" })
    floor(paced: true, tag: tag)
    say("  load average after: \(loadAverage())")
}

// Instrumentation only: pg_stat_wal then times each WAL write and flush.
execute("/usr/bin/psql", ["-q", storeURL, "-c", "ALTER SYSTEM SET track_wal_io_timing = on"])
execute("/usr/bin/psql", ["-q", storeURL, "-c", "SELECT pg_reload_conf()"])
measureAll("defaults", round: 0)
for (round, settings) in settingSets.enumerated() {
    for setting in settings {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { fatalError("a setting is NAME=VALUE: \(setting)") }
        execute("/usr/bin/psql", ["-q", storeURL, "-c", "ALTER SYSTEM SET \(parts[0]) = '\(parts[1])'"])
    }
    execute("/usr/bin/psql", ["-q", storeURL, "-c", "SELECT pg_reload_conf()"])
    usleep(200_000)
    measureAll(settings.joined(separator: ","), round: round + 1)
    execute("/usr/bin/psql", ["-q", storeURL, "-c", "ALTER SYSTEM RESET ALL"])
    execute("/usr/bin/psql", ["-q", storeURL, "-c", "ALTER SYSTEM SET track_wal_io_timing = on"])
    execute("/usr/bin/psql", ["-q", storeURL, "-c", "SELECT pg_reload_conf()"])
    usleep(200_000)
}

// MARK: - 5. Chaos

let chaosNames = (0..<clientCount).map { "chaos-\(run)-\($0)" }
let chaosFolders = chaosNames.map(prepare)
let chaos = Shared(clients: zip(chaosFolders, chaosNames).map { openClient(folder: $0, session: $1) })
var kills = 0, restarts = 0
let chaosGroup = DispatchGroup()
for index in 0..<clientCount {
    chaosGroup.enter()
    Thread {
        var change = 0
        while true {
            let (done, client) = chaos.locked { ($0.stop, $0.current[index]) }
            if done { break }
            guard let client else { usleep(20_000); continue }
            change += 1
            let acknowledgement = "\"k\(change)\" (outlet)\n"
            if client.send("source add k\(change) --kind outlet"), let answer = client.readUntil([acknowledgement, "error:"]) {
                if answer == acknowledgement {
                    chaos.locked { $0.acknowledged[index].append(change) }
                }
                continue
            }
            // Killed: start a new one on the same folder (which sends what waited there).
            chaos.locked { if $0.current[index] === client { $0.current[index] = nil } }
            let fresh = openClient(folder: chaosFolders[index], session: chaosNames[index])
            chaos.locked { $0.current[index] = fresh; $0.reopenings += 1 }
        }
        chaosGroup.leave()
    }.start()
}
var random = SystemRandomNumberGenerator()
let chaosEnd = now() + chaosSeconds
while now() < chaosEnd {
    usleep(UInt32.random(in: 200_000...900_000, using: &random))
    if Int.random(in: 0..<4, using: &random) == 0 {
        controlServer("kill")
        usleep(UInt32.random(in: 100_000...1_500_000, using: &random))
        controlServer("start")
        restarts += 1
    } else {
        let victim = Int.random(in: 0..<clientCount, using: &random)
        if let client = chaos.locked({ $0.current[victim] }) {
            client.kill()
            kills += 1
        }
    }
}
chaos.locked { $0.stop = true }
chaosGroup.wait()
// Every client ends normally; its next open sends anything still waiting in its outbox.
for client in chaos.locked({ $0.current }) { client?.finish() }
for (folder, name) in zip(chaosFolders, chaosNames) { openClient(folder: folder, session: name).finish() }
var waiting = 0
for folder in chaosFolders {
    waiting += ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/sessions/.outbox")) ?? []).filter { $0.hasSuffix(".journal") }.count
}

var lost = 0, twice = 0, total = 0
for (index, name) in chaosNames.enumerated() {
    let (status, rows) = execute("/usr/bin/psql", ["-At", storeURL, "-c",
        "SELECT c.line FROM claimdesk_changes c JOIN claimdesk_sessions s ON s.id = c.session_id WHERE s.name = '\(name)' ORDER BY c.seq"])
    if status != 0 { fatalError("psql failed: \(rows)") }
    var counts: [Int: Int] = [:]
    var searchStart = rows.startIndex
    // Each change is one new source, named in its row once ("name":"k17").
    while let range = rows.range(of: #""name":"k"#, range: searchStart..<rows.endIndex) {
        let digits = rows[range.upperBound...].prefix { $0.isNumber }
        if let number = Int(digits), rows[range.upperBound...].dropFirst(digits.count).first == "\"" { counts[number, default: 0] += 1 }
        searchStart = range.upperBound
    }
    for change in chaos.locked({ $0.acknowledged[index] }) {
        total += 1
        switch counts[change] ?? 0 {
        case 0: lost += 1
        case 1: break
        default: twice += 1
        }
    }
}
say(String(format: "Chaos: %.0f s, %d clients killed (SIGKILL) and reopened, %d server crashes (immediate stop) and restarts", chaosSeconds, kills, restarts))
say("  acknowledged changes: \(total); lost: \(lost); applied twice: \(twice); outbox files left unsent: \(waiting)")
try? FileManager.default.removeItem(atPath: root)
exit(lost == 0 && twice == 0 ? 0 : 1)
