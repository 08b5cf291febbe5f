import ClaimDeskCore
@testable import ClaimDeskShell
import Testing

/// `claim SEL --like cN`: a chain typed once, reused.
@Suite struct LikeClaimTests {
    @Test func aClaimLikeAnotherTakesItsChainKindAndTags() throws {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by two officials --via The Daily Courier --kind opinion --tag fees --verdict false")
        let output = fixture.run("claim s1 --like c1")
        #expect(output.contains("c2  claim by two officials via The Daily Courier"), "\(output)")
        let copy = try #require(fixture.session.claims["c2"])
        let model = try #require(fixture.session.claims["c1"])
        #expect(copy.claimant == model.claimant && copy.via == model.via)
        #expect(copy.kind == "opinion" && copy.tags == ["fees"])
        #expect(copy.verdict == "unverified", "a verdict judges one claim: it is not copied")
    }

    @Test func flagsGivenWithLikeWin() throws {
        let fixture = ShellFixture()
        fixture.run("claim s2 --by two officials --via The Daily Courier --kind opinion")
        fixture.run("claim s3 --like c1 --by Reyes --kind factual --tag extra")
        let claim = try #require(fixture.session.claims["c2"])
        #expect(fixture.session.sources[try #require(claim.claimant)]?.name == "Reyes")
        #expect(fixture.session.sources[try #require(claim.via.first)]?.name == "The Daily Courier", "--via not given: the chain's relays stay")
        #expect(claim.kind == "factual" && claim.tags == ["extra"])
    }

    @Test func likeNamesAnExistingClaim() {
        let fixture = ShellFixture()
        #expect(fixture.fail("claim s1 --like c9") == "no claim c9 in this session; list claims shows them")
        #expect(fixture.fail("claim s1 --like src1") == "--like takes a claim id such as c3, not src1; list claims shows them")
        #expect(fixture.session.claims.isEmpty)
    }
}
