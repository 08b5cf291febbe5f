@testable import ClaimDeskCore
import Testing

@Suite struct RecordLinksTests {
    /// The sample, with a relation of a claim to itself and one between two stances.
    func session() -> Session {
        var session = ExportSample.session()
        let created = ExportSample.created
        session.put(.relation(Relation(id: "r3", from: "c1", type: "same-as", to: "c1", author: "ana", created: created)))
        session.put(.relation(Relation(id: "r10", from: "st2", type: "supports", to: "st1", author: "ana", created: created)))
        session.put(.stance(Stance(id: "st10", holder: "src5", label: "unclear", target: "c1", author: "ana", created: created)))
        return session
    }

    /// What an export gathers once answers what the session answers per record: the same records, in the same order.
    @Test func answersWhatTheSessionAnswersForEveryRecord() {
        let session = session()
        let links = RecordLinks(session)
        var ids = session.orderedClaims.map(\.id) + session.orderedMentions.map(\.id) + session.orderedStances.map(\.id)
        ids += session.orderedPropositions.map(\.id) + session.orderedRelations.map(\.id) + ["c404"]
        for id in ids {
            #expect(links.stances(targeting: id).map(\.id) == session.stances(targeting: id).map(\.id), "stances on \(id)")
            #expect(links.relations(touching: id).map(\.id) == session.relations(touching: id).map(\.id), "relations of \(id)")
        }
    }

    @Test func listsEachInIdOrderAndARelationToItselfOnce() {
        let links = RecordLinks(session())
        #expect(links.stances(targeting: "c1").map(\.id) == ["st2", "st10"])
        #expect(links.relations(touching: "c1").map(\.id) == ["r1", "r3"])
        #expect(links.relations(touching: "st1").map(\.id) == ["r10"])
        #expect(links.stances(targeting: "c404").isEmpty && links.relations(touching: "c404").isEmpty)
    }
}
