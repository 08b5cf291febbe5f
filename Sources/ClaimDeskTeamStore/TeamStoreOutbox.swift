import ClaimDeskShell
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Changes acknowledged while the team store was out of reach, kept on the local disk until it is back.
///
/// One file per session, `SESSIONS/.outbox/NAME.journal`: a first line naming the snapshot the
/// changes continue (`base SHA256`, `base -` for none), then one line per journal line, `SEQ␉LINE`,
/// a change's lines sharing its sequence number. Every append is flushed with `fdatasync` before it
/// returns, exactly like the local journal; a last line cut off by a crash was never acknowledged
/// and is ignored.
struct TeamStoreOutbox {
    let folder: String

    /// One change waiting to be sent: its sequence number in the session and its journal lines.
    struct Entry: Equatable {
        var seq: Int64
        var row: Data
    }

    func path(_ name: String) -> String { folder + "/" + name + ".journal" }

    /// The waiting changes of a session (none when there is no file) and the snapshot they continue.
    func read(_ name: String) -> (base: String?, entries: [Entry])? {
        // Asked before every change: most of the time there is no file, and one `access` says so
        // without Foundation building a URL for it.
        guard access(path(name), F_OK) == 0 else { return nil }
        guard let data = FileManager.default.contents(atPath: path(name)), !data.isEmpty else { return nil }
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        // After the last newline comes either nothing or a line cut off by a crash, never acknowledged.
        lines.removeLast()
        guard let first = lines.first, let header = String(data: Data(first), encoding: .utf8), header.hasPrefix("base ") else { return nil }
        let base = String(header.dropFirst(5))
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            guard let tab = line.firstIndex(of: 0x09),
                  let seq = Int64(String(decoding: line[line.startIndex..<tab], as: UTF8.self)) else { continue }
            let journalLine = Data(line[(tab + 1)...]) + [0x0A]
            if let last = entries.last, last.seq == seq {
                entries[entries.count - 1].row += journalLine
            } else {
                entries.append(Entry(seq: seq, row: journalLine))
            }
        }
        return (base == "-" ? nil : base, entries)
    }

    /// Appends a change and flushes it to the disk before returning.
    func append(_ entry: Entry, to name: String, base: String?) throws(HostError) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw HostError("cannot create \(folder): \(error.localizedDescription)")
        }
        let file = path(name)
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw HostError("cannot write \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = Data()
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size == 0 { bytes += Data(("base " + (base ?? "-") + "\n").utf8) }
        for line in entry.row.split(separator: 0x0A) {
            bytes += Data("\(entry.seq)\t".utf8) + line + [0x0A]
        }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fdatasync(fd) == 0 else {
            throw HostError("cannot write \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a session's file once everything in it reached the store.
    func remove(_ name: String) {
        unlink(path(name))
    }

    /// Keeps a file that can no longer be sent (the session changed in the store meanwhile) under
    /// a name that says so, returning where it went.
    func setAside(_ name: String, seconds: Int64) -> String? {
        let stem = path(name) + ".unmatched-\(seconds)"
        // Never over one kept aside earlier in the same second.
        for attempt in 0..<100 {
            let aside = attempt == 0 ? stem : stem + "-\(attempt)"
            var existing = stat()
            if lstat(aside, &existing) == 0 { continue }
            return rename(path(name), aside) == 0 ? aside : nil
        }
        return nil
    }

    /// The sessions with a file here, sorted.
    func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".journal") }.map { String($0.dropLast(".journal".count)) }.sorted()
    }

    /// How many changes wait in a session's file.
    func count(_ name: String) -> Int {
        read(name)?.entries.count ?? 0
    }
}
