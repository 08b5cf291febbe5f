import ClaimDeskCore
import ClaimDeskShell
import Foundation

/// The shell's window on the real disk and standard input.
final class DiskHost: ShellHost {
    let store: SessionStore
    /// Whether standard input is free for `load -` (not carrying commands, not a terminal).
    let standardInputIsFree: Bool

    init(store: SessionStore, standardInputIsFree: Bool) {
        self.store = store
        self.standardInputIsFree = standardInputIsFree
    }

    func readFile(_ path: String) throws(HostError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw HostError("no such file; check the path (Tab completes it)")
        }
        if isFolder.boolValue { throw HostError("it is a folder, not a file; name a file in it") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        if size > ArticleDecoder.sizeLimit { throw HostError(ArticleInputError.tooLarge(bytes: size).message) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw HostError("permission denied; check the file's permissions")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HostError("cannot read it: \(error.localizedDescription)")
        }
    }

    func readStandardInput() throws(HostError) -> Data {
        guard standardInputIsFree else {
            throw HostError("standard input carries the commands; pass the script with --script FILE or -c to load - from a pipe")
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    func writeFile(_ data: Data, to path: String) throws(HostError) {
        try POSIXFile.writeAtomically(data, to: path)
    }

    func directoryEntries(_ path: String) -> [String] {
        let folder = path.isEmpty ? "." : path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.map { name in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return isFolder.boolValue ? name + "/" : name
        }.sorted()
    }
}
