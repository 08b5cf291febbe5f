// Team-store benchmark: concurrent clients on loopback, each the real `claimdesk` binary in batch
// mode over a pipe, each making changes to its own session in a PostgreSQL team store.
//
// 1. Throughput: CLIENTS clients each make CHANGES changes (one journal row each, of the same size
//    whatever came before) as fast as their answers come back: changes per second in all, and the
//    latency of a change (command sent → its answer read, which includes the INSERT's commit) as
//    p50/p99. Twice: with `source add`, whose near-miss check in the shell grows with the session,
//    and with `proposition add`, whose shell work does not.
// 2. Chaos: for SECONDS, clients keep making changes while random clients are killed (SIGKILL)
//    and restarted, and the server is crashed (`pg_ctl stop -m immediate`) and started again at
//    random moments. Then every change that was acknowledged is looked for in the store's rows:
//    lost (not there) and applied twice (there more than once) must both be 0.
//
// Usage: team-store-bench CLAIMDESK_BINARY STORE_URL CLUSTER_DIR POSTGRES_SCRIPT ARTICLE [CLIENTS] [CHANGES] [SECONDS]
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
    FileHandle.standardError.write(Data("usage: team-store-bench CLAIMDESK_BINARY STORE_URL CLUSTER_DIR POSTGRES_SCRIPT ARTICLE [CLIENTS] [CHANGES] [SECONDS]\n".utf8))
    exit(2)
}
// A write to a client that was just killed must fail, not end the benchmark.
signal(SIGPIPE, SIG_IGN)
let binary = arguments[1], storeURL = arguments[2], clusterDir = arguments[3], postgresScript = arguments[4], article = arguments[5]
let clientCount = arguments.count > 6 ? Int(arguments[6]) ?? 20 : 20
let changesPerClient = arguments.count > 7 ? Int(arguments[7]) ?? 200 : 200
let chaosSeconds = arguments.count > 8 ? Double(arguments[8]) ?? 30 : 30
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

// MARK: - 1. Throughput and latency

say("Team store: \(clientCount) concurrent clients on loopback (\(storeURL.replacingOccurrences(of: #":[^:@/]*@"#, with: "@", options: .regularExpression)))")

/// Every client makes `changesPerClient` changes to its own new session, one at a time, as fast
/// as the answers come back; prints the throughput and the latency of a change.
func measure(_ label: String, prefix: String, command: @escaping @Sendable (Int, Int) -> String,
             answer: @escaping @Sendable (Int, Int) -> String) {
    let names = (0..<clientCount).map { "\(prefix)-\(run)-\($0)" }
    let folders = names.map(prepare)
    let clients = zip(folders, names).map { openClient(folder: $0, session: $1) }
    let measured = Shared(clients: clients)
    let group = DispatchGroup()
    let start = now()
    for (index, client) in clients.enumerated() {
        group.enter()
        Thread {
            var mine: [Double] = []
            mine.reserveCapacity(changesPerClient)
            for change in 0..<changesPerClient {
                let sent = now()
                guard client.send(command(index, change)), client.readUntil([answer(index, change)]) != nil else { fatalError("client \(index) ended") }
                mine.append(now() - sent)
            }
            measured.locked { $0.latencies += mine }
            group.leave()
        }.start()
    }
    group.wait()
    let elapsed = now() - start
    clients.forEach { $0.finish() }
    let latencies = measured.locked { $0.latencies }
    say("  \(label)")
    say(String(format: "    %d changes in %.2f s: %.0f changes/s", latencies.count, elapsed, Double(latencies.count) / elapsed))
    say(String(format: "    commit latency per change: p50 %.2f ms, p99 %.2f ms, max %.2f ms  (goal p99 < 10 ms)",
                 percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, (latencies.max() ?? 0) * 1000))
}

// A new source per change: the shell compares each new name with every name the session has
// (to warn of near misses), so its own work grows as the session does.
measure("source add (a new source each; the shell's near-miss check grows with the session)", prefix: "bench",
        command: { "source add w\($0)-\($1) --kind outlet" }, answer: { _, _ in "(outlet)\n" })
// A new proposition per change: the shell's work stays the same, so what grows is the store's.
measure("proposition add (a new proposition each; the shell's work stays the same)", prefix: "bench-p",
        command: { "proposition add Shipping through the strait resumes in week \($0)-\($1)" }, answer: { "week \($0)-\($1)\n" })

// MARK: - 2. Chaos

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
