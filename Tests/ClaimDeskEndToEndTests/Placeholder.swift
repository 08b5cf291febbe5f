import Testing
@testable import claimdesk

@Test func binaryAnswersVersion() throws {
    let result = try ClaimDeskProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == ClaimDesk.version + "\n")
}
