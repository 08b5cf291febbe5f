import ClaimDeskShell
import Foundation

/// Folders in memory: a folder exists when it was created or when a file lies under it.
extension MemoryHost {
    func pathKind(_ path: String) -> PathKind {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if files[trimmed] != nil { return .file }
        if folders.contains(trimmed) || files.keys.contains(where: { $0.hasPrefix(trimmed + "/") }) { return .folder }
        return .missing
    }

    func createDirectory(_ path: String) throws(HostError) {
        if files[path] != nil { throw HostError("\(path) exists and is not a folder") }
        if let failFolders, path.hasPrefix(failFolders) { throw HostError("Permission denied") }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            parts.append(part)
            folders.insert(parts.joined(separator: "/"))
        }
    }

    func listFiles(_ path: String) throws(HostError) -> [String] {
        guard pathKind(path) == .folder else { throw HostError("no such folder") }
        let prefix = (path.hasSuffix("/") ? path : path + "/")
        var names = Set<String>()
        for key in files.keys.map({ $0 }) + Array(folders) where key.hasPrefix(prefix) {
            if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
        }
        return names.sorted()
    }
}
