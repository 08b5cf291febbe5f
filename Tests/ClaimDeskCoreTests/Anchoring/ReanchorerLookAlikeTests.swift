import Testing
@testable import ClaimDeskCore

/// Passages whose words stand elsewhere in the text: the annotated one deleted while a repetition
/// that was always there remains. The repetition is other text, so the anchor is orphaned.
@Suite struct ReanchorerLookAlikeTests {
    static let old = """
        Harbour board approves ferry timetable

        The harbour board approved a new ferry timetable on Monday after months of complaints from \
        island commuters. Boats will leave every twenty minutes at peak hours.

        Board chair Ines Varga said the change was overdue. "Crowding on the early boats had become \
        unbearable for families," she said at the meeting.

        Commuter groups welcomed the plan. Crowding on the early boats had become unbearable for \
        families, one group wrote in a letter last year.

        The new timetable starts in May and will be reviewed after six months.
        """
    static let quote = "Crowding on the early boats had become unbearable for families"
    static let neighbours = ["approved a new ferry timetable", "Board chair Ines Varga", "Commuter groups welcomed the plan",
                             "one group wrote in a letter", "starts in May"]

    static func queries(_ first: String) -> [AnchorQuery] {
        ([first] + neighbours).map { ReanchorerTests.query($0, in: old) }
    }

    @Test func deletedQuoteIsNotMovedOntoItsRepetition() {
        let new = Self.old.replacingOccurrences(of: #" "Crowding on the early boats had become unbearable for families," she said at the meeting."#,
                                                with: "")
        #expect(new != Self.old)
        let results = Reanchorer(text: new).locateAll(Self.queries(Self.quote))
        #expect(results[0] == .orphaned(.otherText))
        // The neighbours, and the repetition's own annotation, are placed as before.
        for (q, r) in zip(Self.neighbours, results.dropFirst()) {
            #expect(r.range == ReanchorerTests.range(of: q, in: new))
        }
    }

    @Test func annotationOnTheRepetitionStaysThere() {
        let new = Self.old.replacingOccurrences(of: #" "Crowding on the early boats had become unbearable for families," she said at the meeting."#,
                                                with: "")
        let second = ReanchorerTests.query(Self.quote, in: Self.old, occurrence: 1)
        let results = Reanchorer(text: new).locateAll([second] + Self.neighbours.map { ReanchorerTests.query($0, in: Self.old) })
        #expect(results[0] == .moved(ReanchorerTests.range(of: Self.quote, in: new)))
    }

    @Test func movedParagraphIsStillFollowed() {
        // The quoted paragraph moved to the end: there is room for it there, so it is followed.
        let paragraph = #"Board chair Ines Varga said the change was overdue. "Crowding on the early boats had become unbearable for families," she said at the meeting."#
        let new = Self.old.replacingOccurrences(of: paragraph + "\n\n", with: "") + "\n\n" + paragraph
        #expect(new != Self.old)
        let results = Reanchorer(text: new).locateAll(Self.queries(Self.quote))
        #expect(results[0] == .moved(ReanchorerTests.range(of: Self.quote, in: new, occurrence: 1)))
    }

    @Test func otherTextNeedsPlacementsThatMovedOtherwise() {
        // Placements 0..<10 and 20..<30 kept their place; the candidate 10..<20 came from old 100.
        let map = DisplacementMap([.init(old: 0..<10, new: 0..<10), .init(old: 20..<30, new: 20..<30)])
        #expect(map.isOtherText(10..<20, for: 100..<110))
        // Its own old place, or with room made between them (moved there), it is not.
        #expect(!map.isOtherText(10..<20, for: 10..<20))
        let roomy = DisplacementMap([.init(old: 0..<10, new: 0..<10), .init(old: 20..<30, new: 40..<50)])
        #expect(!roomy.isOtherText(15..<35, for: 100..<120))
        // A placement overlapping the candidate that moved otherwise shows it is other text.
        let onIt = DisplacementMap([.init(old: 300..<310, new: 12..<18)])
        #expect(onIt.isOtherText(10..<20, for: 100..<110))
        // No placements around it: nothing is known.
        #expect(!DisplacementMap([]).isOtherText(10..<20, for: 100..<110))
    }
}
