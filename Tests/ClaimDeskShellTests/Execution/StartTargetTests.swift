@testable import ClaimDeskShell
import Foundation
import Testing

/// What the command line names runs as `load` or `open` would, without becoming a line to tokenize.
@Suite struct StartTargetTests {
    @Test func anArticleOnTheCommandLineIsLoadedEvenWithQuotesInItsName() throws {
        let fixture = ShellFixture(loadArticle: false)
        let name = "say \"no\"; then.txt"
        fixture.host.files[name] = Data("Talks stall. \"No,\" he said.".utf8)
        let result = fixture.shell.start(.article(name))
        #expect(result.error == nil)
        #expect(fixture.session.articles.count == 1)
    }

    @Test func aSessionOnTheCommandLineFailsAsOpenDoes() {
        let byLine = ShellFixture(loadArticle: false).fail("open missing-one")
        let started = ShellFixture(loadArticle: false).shell.start(.session("missing-one"))
        #expect(started.error?.message == byLine)
    }
}
