import Testing
@testable import ClaimDeskCore

/// What the anchors placed around a passage say about a look-alike: a pull quote copied far away
/// while the original sentence was corrected, and a deleted sentence whose repetition stands far
/// from any long anchor. Both used to take the anchors onto the look-alike.
@Suite struct ReanchorerNeighbourEvidenceTests {
    // MARK: A pull quote copied while the original is corrected

    static let sentence = "Mayor Dana Ortiz said the council would not spend money on a bridge that might have to be rebuilt entirely within a decade."
    static let paragraphs = [
        "Council delays vote on bridge repairs",
        "The city council postponed a vote on Tuesday on repairs to the Old Mill bridge, which has been closed to "
            + "lorries since March. Engineers found cracks in two of its piers during a routine inspection.",
        sentence + " She asked for a second survey before any decision.",
        "Residents of the east bank say the closure has doubled their journey times to the hospital and the schools across the river.",
        "The council expects the second survey to be finished by the end of the summer, and a vote could follow in September.",
    ]
    static func corrected(_ s: String) -> String {
        s.replacingOccurrences(of: "might", with: "may").replacingOccurrences(of: "Dana", with: "Diana")
    }

    @Test func anchorsOnACorrectedSentenceStayOffItsPullQuote() {
        let old = Self.paragraphs.joined(separator: "\n\n")
        // The body gets two corrections; the pull quote at the end repeats the sentence as it was.
        var body = Self.paragraphs
        body[2] = Self.corrected(body[2])
        let new = (body + [Self.sentence]).joined(separator: "\n\n")
        // Most anchors are on the sentence: several of them, unchanged, also fit the copy exactly.
        let quotes = ["Engineers found cracks in two of its piers", "Mayor Dana Ortiz said the council",
                      "Ortiz said the council would not spend", "would not spend money on a bridge that might",
                      "a bridge that might have", "might have to be rebuilt entirely", "rebuilt entirely within a decade",
                      "She asked for a second survey", "Residents of the east bank say"]
        let results = Reanchorer(text: new).locateAll(quotes.map { ReanchorerTests.query($0, in: old) })
        for (quote, result) in zip(quotes, results) {
            // Every one lands on the corrected sentence (the first occurrence), none on the copy.
            #expect(result.range == ReanchorerTests.range(of: Self.corrected(quote), in: new), "\(quote)")
        }
    }

    @Test func anchorsStayOnTheSentenceWhenThePullQuoteIsUnchangedAndFar() {
        let old = Self.paragraphs.joined(separator: "\n\n")
        let new = (Self.paragraphs + [Self.sentence]).joined(separator: "\n\n")
        let quotes = ["Mayor Dana Ortiz said the council", "a bridge that might have", "rebuilt entirely within a decade",
                      "Engineers found cracks in two of its piers", "Residents of the east bank say"]
        let results = Reanchorer(text: new).locateAll(quotes.map { ReanchorerTests.query($0, in: old) })
        for (quote, result) in zip(quotes, results) {
            #expect(result.range == ReanchorerTests.range(of: quote, in: new), "\(quote)")
        }
    }

    // MARK: A deleted sentence whose repetition stands far from any long anchor

    static let repeated = "The reopening was delayed twice by problems with the new roof."
    static let museum = [
        "Museum to reopen in June",
        "The museum will reopen on June 4 after a two-year renovation, its director said. " + repeated,
        "Visitors will find three new galleries and a larger shop.",
        "The renovation cost 48 million euros, most of it from the regional government, and took longer than planned. "
            + "Builders found asbestos in the old boiler rooms in the first winter, and the work on the east wing stopped "
            + "for four months while it was removed. The director said the schedule had been realistic and the budget held. "
            + repeated + " A spokesperson for the builders said the roof had been designed before the collection grew, "
            + "and that the larger skylights needed a stronger frame than the one first ordered. The frame arrived from "
            + "Austria in the autumn.",
        "Tickets go on sale next week.",
    ].joined(separator: "\n\n")

    @Test func deletedSentenceIsOrphanedThoughNoLongAnchorIsCloseToItsRepetition() throws {
        let new = Self.museum.replacingOccurrences(of: " " + Self.repeated + "\n\n", with: "\n\n")
        #expect(new.components(separatedBy: Self.repeated).count == 2)
        let onSentence = ["The reopening was delayed twice", "problems with the new roof", "delayed twice by problems", "roof"]
        let around = ["reopen on June 4 after a two-year renovation", "three new galleries and a larger shop",
                      "Tickets go on sale next week"]
        let results = Reanchorer(text: new).locateAll((onSentence + around).map { ReanchorerTests.query($0, in: Self.museum) })
        for (quote, result) in zip(onSentence, results) {
            #expect(result == .orphaned(.otherText), "\(quote)")
        }
        for (quote, result) in zip(around, results.dropFirst(onSentence.count)) {
            #expect(result.range == ReanchorerTests.range(of: quote, in: new), "\(quote)")
        }
    }

    @Test func sentenceMovedIntoTheLongParagraphIsFollowed() {
        // The same sentence moved (not deleted): the long paragraph is longer by it, so it is room made for it.
        let withoutRepetition = Self.museum.replacingOccurrences(of: "held. " + Self.repeated + " A spokesperson",
                                                                 with: "held. A spokesperson")
        let new = withoutRepetition.replacingOccurrences(of: " " + Self.repeated + "\n\n", with: "\n\n")
            .replacingOccurrences(of: "held. A spokesperson", with: "held. " + Self.repeated + " A spokesperson")
        let quotes = ["The reopening was delayed twice", "problems with the new roof",
                      "reopen on June 4 after a two-year renovation", "three new galleries and a larger shop",
                      "Tickets go on sale next week"]
        let results = Reanchorer(text: new).locateAll(quotes.map { ReanchorerTests.query($0, in: withoutRepetition) })
        for (quote, result) in zip(quotes, results) {
            #expect(result.range == ReanchorerTests.range(of: quote, in: new), "\(quote)")
        }
    }

    // MARK: Two paragraphs of about the same length that trade places

    static let ferry = [
        "Ferry timetable changes from Monday",
        "The harbour authority will run the island ferry every forty minutes from Monday, instead of every hour, "
            + "after a year of complaints from commuters.",
        "The second boat, laid up since the spring for an engine overhaul, returns to service this weekend with new seats.",
        "Commuters on the early crossing have waited on the quay for up to an hour on winter mornings, the residents' association said.",
        "A survey last autumn found that two thirds of islanders work on the mainland and cross at least four times a week.",
        "The authority said fares would not change this year, although the fuel bill has risen by a quarter since the last review.",
        "Ticket machines on both quays will accept cards from next month, ending a long wait for visitors without cash.",
        "The harbour master said the new timetable had been tested with the crews over three weeks in October.",
        "Night crossings for emergencies stay as they are, with a boat on call at the island quay from midnight to five.",
        "The authority will publish the full timetable on its website on Friday and post copies at both ferry terminals.",
    ]

    @Test func paragraphMovedIntoThePlaceOfOneMovedAwayIsFollowed() {
        // The third paragraph goes to the end and the eighth, 12 code points shorter, takes its place:
        // the anchors around its new place kept their distance, but the text between them left.
        var moved = Self.ferry
        let third = moved.remove(at: 2), eighth = moved.remove(at: 6)
        moved.insert(eighth, at: 2)
        moved.append(third)
        let old = Self.ferry.joined(separator: "\n\n"), new = moved.joined(separator: "\n\n")
        let quotes = ["The harbour master said the new timetable", "tested with the crews over three weeks",
                      "after a year of complaints from commuters", "returns to service this weekend",
                      "laid up since the spring for an engine", "Commuters on the early crossing", "A survey last autumn found",
                      "fares would not change this year", "Ticket machines on both quays", "Night crossings for emergencies",
                      "publish the full timetable on its website"]
        let results = Reanchorer(text: new).locateAll(quotes.map { ReanchorerTests.query($0, in: old) })
        for (quote, result) in zip(quotes, results) {
            #expect(result.range == ReanchorerTests.range(of: quote, in: new), "\(quote)")
        }
    }

    // MARK: The rules on small placements

    @Test func copySuspectedOnlyWhenItsPlaceStillHasRoom() {
        // Placements at old 0 and 200 kept their place; a quote from old 100 was found at new 900.
        let kept = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 200..<220)])
        #expect(kept.isSuspectedCopy(old: 100..<130, new: 900..<930, quoteRepeats: { true }))
        // Its old place shrank by its length: it was moved away, so it is followed.
        let shrunk = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 170..<190)])
        #expect(!shrunk.isSuspectedCopy(old: 100..<130, new: 900..<930, quoteRepeats: { true }))
        // Text from elsewhere moved into its place: a reordering, not a copy.
        let reordered = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 500..<520, new: 60..<80),
                                         .init(old: 200..<220, new: 200..<220)])
        #expect(!reordered.isSuspectedCopy(old: 100..<130, new: 900..<930, quoteRepeats: { true }))
        // Nothing known on one side.
        #expect(!DisplacementMap([.init(old: 0..<20, new: 0..<20)]).isSuspectedCopy(old: 100..<130, new: 900..<930, quoteRepeats: { true }))
    }

    @Test func copyFoundBetweenItsNeighboursIsSuspectedOnlyWhenItsQuoteStandsTwice() {
        // Placements at old 0 and 200 moved apart by 200 (text inserted); a quote from old 100 was
        // found at new 220, between them, with a shift of its own (text inserted on both sides).
        let grown = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 400..<420)])
        #expect(!grown.isSuspectedCopy(old: 100..<130, new: 220..<250, quoteRepeats: { false }))
        #expect(grown.isSuspectedCopy(old: 100..<130, new: 220..<250, quoteRepeats: { true }))
        // Far from both, a copy is suspected without looking for the quote.
        var asked = false
        #expect(grown.isSuspectedCopy(old: 100..<130, new: 900..<930, quoteRepeats: { asked = true; return false }))
        #expect(!asked)
    }

    @Test func placeEmptiedByAMoveIsRoomForAnotherPassage() {
        // Placements at old 0 and 200 kept their distance; the candidate at new 100 comes from old 1000.
        let placements: [DisplacementMap.Placement] = [.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 200..<220)]
        #expect(DisplacementMap(placements).isOtherText(100..<130, for: 1000..<1030))
        // The old text between them (an anchor at old 80) now stands at the end: it left room there.
        let moved = DisplacementMap(placements, moves: placements + [.init(old: 80..<120, new: 900..<940)])
        #expect(!moved.isOtherText(100..<130, for: 1000..<1030))
        #expect(!moved.liesOnOtherText(100..<130, for: 1000..<1030))
        // An anchor from there still between them says nothing of the kind.
        let stayed = DisplacementMap(placements, moves: placements + [.init(old: 150..<160, new: 150..<160)])
        #expect(stayed.isOtherText(100..<130, for: 1000..<1030))
        // Nor does one that starts between them and overlaps the one after (annotations overlap).
        let overlapping = DisplacementMap(placements, moves: placements + [.init(old: 180..<240, new: 180..<240)])
        #expect(overlapping.isOtherText(100..<130, for: 1000..<1030))
    }

    @Test func deletedWhenItsPlaceShrankAndTheCandidateIsOldTextFarFromAnchors() {
        // Old 100..<130 was deleted (the anchor after it moved back by 30); the candidate at new 1000 lies
        // between placements 600 code points either side that kept their distance.
        let map = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 170..<190),
                                   .init(old: 430..<450, new: 400..<420), .init(old: 1630..<1650, new: 1600..<1620)])
        #expect(!map.isOtherText(1000..<1030, for: 100..<130))
        #expect(map.wasDeleted(100..<130, leaving: 1000..<1030))
        #expect(map.liesOnOtherText(1000..<1030, for: 100..<130))
        // With its place still there (nothing shrank), the far candidate is not refused on this evidence.
        let kept = DisplacementMap([.init(old: 0..<20, new: 0..<20), .init(old: 200..<220, new: 200..<220),
                                    .init(old: 430..<450, new: 430..<450), .init(old: 1630..<1650, new: 1630..<1650)])
        #expect(!kept.wasDeleted(100..<130, leaving: 1000..<1030))
    }
}
