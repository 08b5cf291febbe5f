import Testing
import Foundation
@testable import ClaimDeskCore

/// The hand-written corpus of edited articles in Fixtures/reanchor: one folder
/// per article with `old.txt`, `new.txt` and `cases.json`, each case naming an
/// annotated quote in the old text and what it must become in the new one.
struct ReanchorCorpus {
    struct Case: Sendable, CustomTestStringConvertible {
        var article: String
        var name: String
        var kind: String
        /// The annotated span in the old text, with 32 code points of context.
        var query: AnchorQuery
        /// The span the annotation must get in the new text, or nil for an orphan.
        var expected: Range<Int>?
        /// `exact`, `moved` or `fuzzy`, when the case says how it must be found.
        var how: String?

        var testDescription: String { "\(article): \(name)" }
    }

    struct Article: Sendable {
        var name: String
        var old: String
        var new: String
        var cases: [Case]
    }

    private struct CaseFile: Decodable {
        struct Entry: Decodable {
            var name: String
            var kind: String
            var quote: String
            var occurrence: Int?
            var expect: String?
            var expectOccurrence: Int?
            var how: String?
        }
        var cases: [Entry]
    }

    static let folder: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/reanchor")

    static func load() -> [Article] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            let dir = folder.appendingPathComponent(name)
            guard let old = try? String(contentsOf: dir.appendingPathComponent("old.txt"), encoding: .utf8),
                  let new = try? String(contentsOf: dir.appendingPathComponent("new.txt"), encoding: .utf8),
                  let data = try? Data(contentsOf: dir.appendingPathComponent("cases.json")) else { return nil }
            let file: CaseFile
            do { file = try JSONDecoder().decode(CaseFile.self, from: data) } catch {
                fatalError("\(name)/cases.json: \(error)")
            }
            let oldScalars = Array(old.unicodeScalars), newScalars = Array(new.unicodeScalars)
            let cases = file.cases.map { e -> Case in
                guard let range = occurrence(e.quote, e.occurrence ?? 0, in: oldScalars) else {
                    fatalError("\(name): quote of '\(e.name)' is not in old.txt")
                }
                var expected: Range<Int>?
                if let expect = e.expect {
                    guard let r = occurrence(expect, e.expectOccurrence ?? 0, in: newScalars) else {
                        fatalError("\(name): expected text of '\(e.name)' is not in new.txt")
                    }
                    expected = r
                }
                let query = AnchorQuery(
                    start: range.lowerBound, end: range.upperBound, exact: e.quote,
                    prefix: string(oldScalars[max(0, range.lowerBound - 32)..<range.lowerBound]),
                    suffix: string(oldScalars[range.upperBound..<min(oldScalars.count, range.upperBound + 32)]))
                return Case(article: name, name: e.name, kind: e.kind, query: query, expected: expected, how: e.how)
            }
            return Article(name: name, old: old, new: new, cases: cases)
        }
    }

    static let articles = load()
    static var cases: [Case] { articles.flatMap(\.cases) }

    /// The code-point range of the `n`th occurrence of `needle`.
    static func occurrence(_ needle: String, _ n: Int, in haystack: [Unicode.Scalar]) -> Range<Int>? {
        let pattern = Array(needle.unicodeScalars)
        var seen = 0
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        for s in 0...(haystack.count - pattern.count) where haystack[s..<(s + pattern.count)].elementsEqual(pattern) {
            if seen == n { return s..<(s + pattern.count) }
            seen += 1
        }
        return nil
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

