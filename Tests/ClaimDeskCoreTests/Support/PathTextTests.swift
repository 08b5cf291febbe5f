@testable import ClaimDeskCore
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
