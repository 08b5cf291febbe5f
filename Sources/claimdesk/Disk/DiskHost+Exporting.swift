import ClaimDeskShell
import Foundation

/// Folders for exports and brat imports.
extension DiskHost {
    func pathKind(_ path: String) -> PathKind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        return isFolder.boolValue ? .folder : .file
    }

    func createDirectory(_ path: String) throws(HostError) {
        switch pathKind(path) {
        case .folder: return
        case .file: throw HostError("\(path) exists and is not a folder")
        case .missing: break
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw HostError(code.map { POSIXFile.describe(Int32($0)) } ?? "cannot create the folder \(path)")
        }
    }

    func listFiles(_ path: String) throws(HostError) -> [String] {
        guard pathKind(path) == .folder else { throw HostError("no such folder") }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw HostError("cannot list it: permission denied or unreadable")
        }
    }
}
