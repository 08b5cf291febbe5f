import Foundation
import Testing

/// `claimdesk extract PAGE.html [--format json|text] [-o OUT]` on saved pages.
@Suite struct ExtractCommandTests {
    static let page = """
        <html lang="en"><head><title>Talks stall | Meridian Wire</title><meta name="author" content="Ana Ruiz"></head>
        <body><nav><a href="/">Home</a></nav><p>Officials said on Tuesday that the talks had stalled over harbor fees, again.</p>
        <p>The ministry declined to comment on the talks or on the fees.</p></body></html>
        """

    func folderWithPage() throws -> URL {
        let folder = try ClaimDeskProcess.temporaryDirectory()
        try Data(Self.page.utf8).write(to: folder.appendingPathComponent("talks.html"))
        return folder
    }

    @Test func jsonOnStandardOutputOrIntoAFile() throws {
        let folder = try folderWithPage()
        let printed = try ClaimDeskProcess.run(["extract", "talks.html"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout == """
            {
              "byline": "Ana Ruiz",
              "language": "en",
              "modified": null,
              "published": null,
              "site": "Meridian Wire",
              "text": "Talks stall\\n\\nOfficials said on Tuesday that the talks had stalled over harbor fees, again.\\n\\nThe ministry declined to comment on the talks or on the fees.\\n",
              "title": "Talks stall",
              "url": null
            }

            """)
        let written = try ClaimDeskProcess.run(["extract", "talks.html", "-o", "out.json"], in: folder)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8) == printed.stdout)
    }

    @Test func textFormatListsTheFieldsThenTheText() throws {
        let result = try ClaimDeskProcess.run(["extract", "talks.html", "--format", "text"], in: try folderWithPage())
        #expect(result.stdout.hasPrefix("Title: Talks stall\nByline: Ana Ruiz\nPublished: -\nModified: -\nSite: Meridian Wire\nURL: -\nLanguage: en\n\nTalks stall\n\nOfficials said"))
    }

    @Test func aMissingFileIsOneClearError() throws {
        let result = try ClaimDeskProcess.run(["extract", "nowhere.html"], in: try folderWithPage())
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: error: cannot extract nowhere.html: no such file; check the path (Tab completes it)\n")
    }

    @Test func aTextFileIsNotAPage() throws {
        let folder = try folderWithPage()
        try Data("Talks stall\n\nOfficials said so.\n".utf8).write(to: folder.appendingPathComponent("talks.txt"))
        let result = try ClaimDeskProcess.run(["extract", "talks.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "claimdesk: error: cannot extract talks.txt: it is not a web page (HTML); extract reads pages, and load takes text files as they are\n")
    }
}
