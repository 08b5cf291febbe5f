import ClaimDeskCore

/// Writes an export through a host: one file, or a folder of files whose names come from the
/// exporter (already sanitised) and never leave that folder.
public struct ExportWriter {
    public let host: ShellHost

    public init(host: ShellHost) { self.host = host }

    /// Writes `result` to `path` and returns where it went (a file, or a folder ending in `/`).
    ///
    /// A file export to a folder (an existing one, or a path ending in `/`) goes inside it under
    /// `defaultName`. Missing parent folders are created. A folder export refuses a folder that
    /// holds files it would not write, so an earlier, unrelated folder is never mixed into.
    public func write(_ result: ExportResult, to path: String, defaultName: String) throws(HostError) -> String {
        switch result.payload {
        case .file(let data):
            let target = try fileTarget(path, defaultName: defaultName)
            try host.writeFile(data, to: target)
            return target
        case .folder(let files):
            let folder = try folderTarget(path, names: files.map(\.name))
            for file in files { try write(file, into: folder) }
            return folder.hasSuffix("/") ? folder : folder + "/"
        }
    }

    /// The folder a folder export to `path` goes in, made ready for files named `names`: created
    /// when missing, refused when it is a file or holds files the export would not write (so an
    /// earlier, unrelated folder is never mixed into), or when a name is not a plain file name.
    public func folderTarget(_ path: String, names: [String]) throws(HostError) -> String {
        let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        for name in names where !Self.isPlainName(name) {
            throw HostError("the export names a file \"\(name)\" that is not a plain file name")
        }
        switch host.pathKind(folder) {
        case .file:
            throw HostError("it is a file, and this format writes a folder; give a folder path")
        case .folder:
            let ours = Set(names)
            let others = try host.listFiles(folder).filter { !ours.contains($0) && !$0.hasPrefix(".") }
            if !others.isEmpty {
                let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", …" : "")
                throw HostError("the folder holds other files (\(shown)); choose a new or empty folder")
            }
        case .missing:
            try host.createDirectory(folder)
        }
        return folder
    }

    /// Writes one file of a folder export into the folder ``folderTarget(_:names:)`` made ready.
    public func write(_ file: ExportedFile, into folder: String) throws(HostError) {
        guard Self.isPlainName(file.name) else {
            throw HostError("the export names a file \"\(file.name)\" that is not a plain file name")
        }
        try host.writeFile(file.data, to: PathText.appending(folder, file.name))
    }

    /// Where a one-file export to `path` goes: inside it under `defaultName` when it is a folder
    /// (an existing one, or a path ending in `/`); missing parent folders are created.
    public func fileTarget(_ path: String, defaultName: String) throws(HostError) -> String {
        var target = path
        if target.hasSuffix("/") || host.pathKind(target) == .folder {
            target = PathText.appending(target, defaultName)
        }
        let parent = PathText.parent(target)
        if !parent.isEmpty, host.pathKind(parent) != .folder { try host.createDirectory(parent) }
        return target
    }

    /// A name that stays in its folder: no `/`, no NUL, not `.` or `..`, not hidden.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }
}
