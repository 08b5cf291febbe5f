@testable import ClaimDeskCore
import Foundation
import Testing

/// Paths a user can type, taken apart without Foundation (whose path methods trap on `x`, `a/`, `//é`).
@Suite struct PathTextTests {
    @Test(arguments: [
        ("x", "", "x"), ("a/", "", "a"), ("a//", "", "a"), (".", "", "."), ("é", "", "é"), ("//é", "/", "é"),
        ("d/x", "d", "x"), ("dir/a/", "dir", "a"), ("/a", "/", "a"), ("/", "", "/"), ("", "", ""),
        ("sessions/x.json", "sessions", "x.json"), ("a//b", "a", "b"), ("./x", ".", "x"), ("~", "", "~"),
    ])
    func splitsAPathIntoFolderAndName(path: String, parent: String, last: String) {
        #expect(PathText.parent(path) == parent)
        #expect(PathText.lastComponent(path) == last)
    }

    @Test(arguments: [
        ("story.txt", "txt", "story"), ("a/b.MD", "MD", "a/b"), (".profile", "", ".profile"), ("x", "", "x"),
        ("//é", "", "//é"), ("a.b/c", "", "a.b/c"), ("v1.2.json", "json", "v1.2"), ("x.", "", "x."),
    ])
    func findsTheExtension(path: String, ext: String, without: String) {
        #expect(PathText.pathExtension(path) == ext)
        #expect(PathText.deletingExtension(path) == without)
    }

    @Test func joinsAFolderAndAName() {
        #expect(PathText.appending("", "a") == "a")
        #expect(PathText.appending("d", "a") == "d/a")
        #expect(PathText.appending("d/", "a") == "d/a")
    }
}

/// A path made absolute and standardised as text is the path Foundation's standardised file URL names.
@Suite struct PathTextAbsoluteTests {
    @Test(arguments: [
        ("x.json", "/work", "/work/x.json"), ("sessions/x.json", "/work", "/work/sessions/x.json"),
        ("./sessions//x.json", "/work", "/work/sessions/x.json"), ("../x.json", "/work/a", "/work/x.json"),
        ("/tmp/../x.json", "/work", "/x.json"), ("/../../x", "/work", "/x"), ("a/./b/../c", "/", "/a/c"),
        ("/", "/work", "/"), ("..", "/", "/"), ("é/ب.json", "/w", "/w/é/ب.json"), ("a/", "/w", "/w/a"),
        // Repeated slashes are one, as the file system reads them (`URL` takes `a//..` as `a`).
        ("a//../x.json", "/w", "/w/x.json"),
    ])
    func worksOutDotsAndSlashes(path: String, folder: String, expected: String) {
        #expect(PathText.absolute(path, in: folder) == expected)
    }

    @Test func agreesWithFoundationsStandardisedFileURL() throws {
        let folder = FileManager.default.currentDirectoryPath
        // No empty components: `URL` reads `a//..` as `a`, where the file system (and this) reads `.`.
        let parts = ["a", "b.json", ".", "..", "é", "x y", ".hidden", "ب"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let count = 1 + Int(random.next() % 5)
            var path = (0..<count).map { _ in random.pick(parts) }.joined(separator: "/")
            if random.next() % 3 == 0 { path = "/" + path }
            // A path that names a folder gets a trailing slash from Foundation; session files never do.
            path += ".json"
            let foundation = URL(fileURLWithPath: path).standardizedFileURL.path
            #expect(PathText.absolute(path, in: folder) == foundation, "\(path)")
        }
    }
}
