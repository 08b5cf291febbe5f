/// File paths taken apart as plain text: the folder, the last component, the extension.
///
/// Foundation's `NSString` path methods trap (SIGILL) on some short paths a user can type
/// (`x`, `a/`, `//é`), so every path that comes from a user or a document goes through these
/// instead. They only split on `/` and never touch the disk.
public enum PathText {
    /// The path without trailing slashes; `/` stays `/`.
    static func trimmed(_ path: String) -> Substring {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return text
    }

    /// The last component: `b.txt` for `a/b.txt`, `a` for `a/`, `/` for `/`, empty for empty.
    public static func lastComponent(_ path: String) -> String {
        let text = trimmed(path)
        if text == "/" { return "/" }
        guard let slash = text.lastIndex(of: "/") else { return String(text) }
        return String(text[text.index(after: slash)...])
    }

    /// The folder part: `a` for `a/b`, `/` for `/a`, empty for a bare name.
    public static func parent(_ path: String) -> String {
        let text = trimmed(path)
        guard text != "/", let slash = text.lastIndex(of: "/") else { return "" }
        var folder = text[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The extension of the last component without its dot (`txt`), empty when there is none;
    /// a leading dot (`.profile`) is part of the name, not an extension.
    public static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The path without the extension of its last component (`a/b` for `a/b.txt`).
    public static func deletingExtension(_ path: String) -> String {
        let ext = pathExtension(path)
        let text = trimmed(path)
        guard !ext.isEmpty else { return String(text) }
        return String(text.dropLast(ext.count + 1))
    }

    /// `path` made absolute from `folder` (itself absolute), with its `.` and `..` components
    /// worked out and repeated or trailing slashes dropped: how `URL(fileURLWithPath:)
    /// .standardizedFileURL.path` spells a file, without Foundation, whose first `URL` costs
    /// runtime type lookups and a `stat` on the way to opening a session. `..` above `/` stays `/`;
    /// `a//..` is `.`, as the file system reads it (`URL` reads it as `a`). Only the text is read:
    /// symbolic links are not followed.
    public static func absolute(_ path: String, in folder: String) -> String {
        var components: [Substring] = []
        let whole = path.hasPrefix("/") ? path : folder + "/" + path
        for component in whole.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `name` inside `folder`; a bare `name` when the folder is empty.
    public static func appending(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
