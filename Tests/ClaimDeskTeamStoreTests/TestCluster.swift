import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server of a test's own, started with `.ci/postgres` in a temporary folder, for the
/// tests that stop and restart it (the shared server of `CLAIMDESK_TEST_STORE` must stay up for
/// the tests running beside them).
final class TestCluster {
    let folder: URL
    let url: String

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".ci/postgres")
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-pg-\(UUID().uuidString.prefix(8))")
        let printed = try Self.control("start", folder)
        guard let line = printed.split(separator: "\n").first(where: { $0.contains("CLAIMDESK_TEST_STORE=") }),
              let open = line.firstIndex(of: "'"), let close = line.lastIndex(of: "'"), open < close else {
            throw ClusterError(message: "could not start a PostgreSQL server: \(printed)")
        }
        url = String(line[line.index(after: open)..<close])
    }

    deinit {
        _ = try? Self.control("stop", folder)
        try? FileManager.default.removeItem(at: folder)
    }

    func stop() throws { _ = try Self.control("stop", folder) }
    func start() throws { _ = try Self.control("start", folder) }
    func restart() throws { _ = try Self.control("restart", folder) }

    struct ClusterError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `.ci/postgres COMMAND FOLDER`, its output in a file (the server it starts keeps no
    /// pipe of ours open), waiting with `waitpid`.
    @discardableResult
    static func control(_ command: String, _ folder: URL) throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("claimdesk-pg-control-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let line = "exec bash '\(script.path)' \(command) '\(folder.path)' >'\(log.path)' 2>&1 </dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw ClusterError(message: "could not run .ci/postgres") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard status == 0 else { throw ClusterError(message: ".ci/postgres \(command) failed: \(text)") }
        return text
    }
}
