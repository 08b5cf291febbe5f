import Foundation
import Testing

/// Scripts in, exact output out: the batch shell as scripts and CI see it.
@Suite struct TranscriptTests {
    @Test(arguments: Transcript.all)
    func transcript(_ name: String) throws {
        let transcript = Transcript(name: name)
        let folder = try Transcript.workspace()
        // Annotation transcripts start with the sample article given on the command line.
        let arguments = (name.hasPrefix("annotate") ? ["harbor-talks.txt"] : []) + ["--script", transcript.script.path]
        let result = try ClaimDeskProcess.run(arguments, in: folder, environment: Transcript.environment)
        #expect(result.stdout == transcript.expected("out"))
        #expect(result.stderr == transcript.expected("err").replacingOccurrences(of: "SCRIPT", with: transcript.script.path))
        #expect(result.status == transcript.expectedStatus)
    }
}
