import Testing
@testable import ClaimDeskWeb

@Suite struct HTMLParserTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func recoversFromBrokenMarkup() {
        let (root, _) = HTMLParser.parse(bytes("<html><body><p>One <b>bold<p>Two</div></body>"))
        #expect(root.name == "html")
        let paragraphs = BlockCollector(root).blocks.map(\.text)
        #expect(paragraphs == ["One bold", "Two"])
    }

    @Test func keepsStructuredDataButNoOtherScript() {
        let page = """
            <html><head><script>var x = "<p>not text</p>";</script>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"A < B"}</script></head>
            <body><p>Body.</p></body></html>
            """
        let (root, _) = HTMLParser.parse(bytes(page))
        let signals = PageSignals(root)
        #expect(signals.jsonLD.count == 1)
        #expect(signals.jsonLD.first?.contains("A < B") == true)
        #expect(!root.textContent.contains("not text"))
    }

    @Test func neverLoadsExternalEntitiesOrDTDs() {
        // An XXE attempt: the HTML parser must neither read the file nor keep a declaration's text.
        let page = """
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>Before &x; after.</p></body></html>
            """
        let (root, _) = HTMLParser.parse(bytes(page))
        #expect(!root.textContent.contains("root:"))
        #expect(root.textContent.contains("Before"))
    }

    func nested(_ depth: Int) -> [UInt8] {
        bytes("<html><body>" + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth) + "</body></html>")
    }

    @Test func keepsTextInDeepButPlausibleNesting() {
        #expect(HTMLParser.parse(nested(200)).root.textContent.contains("deep text"))
    }

    @Test func survivesHostileNesting() {
        // libxml2 gives up past its depth limit; what matters is a tree and no crash.
        #expect(HTMLParser.parse(nested(20_000)).root.name == "html")
    }

    @Test func emptyAndBinaryInputGiveAnEmptyTree() {
        #expect(HTMLParser.parse([]).root.children.isEmpty)
        #expect(HTMLParser.parse([0, 0, 0, 0]).root.textContent.isEmpty)
    }
}
