@testable import ClaimDeskShell
import Testing

/// Colours that read on dark and light themes, and annotated spans told apart without colour.
@Suite struct TextStyleColourTests {
    static let all: [TextStyle] = [.plain, .strong, .dim, .id, .heading, .hit, .error, .warning, .notice, .label,
                                   .span(.claim), .span(.mention), .span(.evidence), .span(.cue)]

    func parameters(_ style: TextStyle) -> [String] {
        (TextRenderer.code(style) ?? "").split(separator: ";").map(String.init)
    }

    @Test func noStyleUsesYellowOrPlainCyanText() {
        for style in Self.all {
            let codes = parameters(style)
            #expect(!codes.contains("33") && !codes.contains("93"), "\(style) is yellow: unreadable on a light background")
            #expect(!codes.contains("36") || codes.contains("1"), "\(style) is plain cyan: faint on a light background")
        }
    }

    /// With the colour numbers removed, what is left (bold 1, italic 3, underline 4, reverse 7) still differs.
    @Test func claimsMentionsEvidenceAndCuesDifferByAttributeNotOnlyColour() {
        let spans: [AnnotationKindStyle] = [.claim, .mention, .evidence, .cue]
        let attributes = spans.map { kind in Set(parameters(.span(kind)).filter { ["1", "3", "4", "7"].contains($0) }) }
        #expect(attributes.allSatisfy { !$0.isEmpty })
        #expect(Set(attributes).count == spans.count, "\(attributes)")
    }
}
