@testable import ClaimDeskCore
import Foundation
import Testing

/// The registry file `sources export` writes and `sources import` reads, and how an import merges.
@Suite struct SourceRegistryTests {
    let time = Timestamp(secondsSince1970: 1_800_000_000)

    func session(_ sources: [Source]) -> Session {
        var session = Session(analyst: "ana", created: time)
        for source in sources { session.put(.source(source)) }
        return session
    }

    @Test func aRegistryRoundTripsAndSavesTheSameBytesTwice() throws {
        let sources = [Source(id: "src1", name: "Secretary of State Mike Pompeo", kind: "official", aliases: ["Pompeo"],
                              role: "Secretary of State", author: "ana", created: time),
                       Source(id: "src2", name: "The New York Times", kind: "outlet", author: "ana", created: time)]
        let data = SourceRegistryFile(sources: sources).encoded()
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text == """
            {
              "format": "claimdesk.sources",
              "sources": [
                {
                  "aliases": [
                    "Pompeo"
                  ],
                  "kind": "official",
                  "name": "Secretary of State Mike Pompeo",
                  "role": "Secretary of State"
                },
                {
                  "aliases": [],
                  "kind": "outlet",
                  "name": "The New York Times"
                }
              ],
              "version": 1
            }

            """)
        let read = try SourceRegistryFile.decode(data)
        #expect(read.entries == [.init(name: "Secretary of State Mike Pompeo", kind: "official", aliases: ["Pompeo"], role: "Secretary of State"),
                                 .init(name: "The New York Times", kind: "outlet")])
        #expect(read.encoded() == data)
    }

    @Test(arguments: [
        ("[]", "not a ClaimDesk source registry: it is not a JSON object"),
        ("{\"format\": \"claimdesk.session\", \"version\": 1}", "not a ClaimDesk source registry: its \"format\" is \"claimdesk.session\", not \"claimdesk.sources\""),
        ("{\"format\": \"claimdesk.sources\"}", "not a ClaimDesk source registry: it has no \"version\""),
        ("{\"format\": \"claimdesk.sources\", \"version\": 9, \"sources\": []}", "a source registry of version 9, newer than this ClaimDesk reads (1); update ClaimDesk"),
        ("{\"format\": \"claimdesk.sources\", \"version\": 1, \"sources\": [{\"kind\": \"outlet\"}]}", "not a ClaimDesk source registry: at sources[0].name: missing"),
        ("{\"format\": \"claimdesk.sources\", \"version\": 1, \"sources\": [{\"name\": 7}]}", "not a ClaimDesk source registry: at sources[0].name (line 1, column 68): expected a string, found a number"),
        ("{\"format\": \"claimdesk.sources\", \"version\": 1, \"sources\": [{\"name\": \" \"}]}", "not a ClaimDesk source registry: at sources[0]: the name is empty"),
    ])
    func aBadFileSaysWhatIsWrong(json: String, message: String) {
        do {
            _ = try SourceRegistryFile.decode(Data(json.utf8))
            Issue.record("\(json) was read")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func anImportAddsNewSourcesAndCompletesKnownOnes() throws {
        let known = session([Source(id: "src1", name: "Pompeo", kind: "other", author: "ana", created: time),
                             Source(id: "src2", name: "Reuters", kind: "agency", role: "wire", author: "ana", created: time)])
        let file = SourceRegistryFile(entries: [
            .init(name: "Secretary of State Mike Pompeo", kind: "official", aliases: ["Pompeo", "Mike Pompeo"], role: "Secretary of State"),
            .init(name: "Reuters", kind: "outlet", aliases: ["Reuters news agency"], role: "news agency"),
            .init(name: "Asharq Al-Awsat", kind: "outlet", aliases: ["Asharq"]),
            .init(name: "Someone", kind: "spokesbot"),
        ])
        let later = Timestamp(secondsSince1970: 1_800_000_600)
        let merge = SourceRegistryMerge(file, into: known, author: "bo", time: later)
        #expect(merge.added.map(\.name) == ["Asharq Al-Awsat", "Someone"])
        #expect(merge.added.map(\.id) == ["src3", "src4"])
        #expect(merge.added[0].aliases == ["Asharq"] && merge.added[0].kind == "outlet")
        #expect(merge.added[1].kind == "other" && merge.unknownKinds == ["spokesbot"])
        let pompeo = try #require(merge.updated.first { $0.after.id == "src1" }?.after)
        #expect(pompeo.name == "Pompeo", "a known source keeps its name and id")
        #expect(pompeo.aliases == ["Secretary of State Mike Pompeo", "Mike Pompeo"])
        #expect(pompeo.kind == "official" && pompeo.role == "Secretary of State", "the catch-all kind and a missing role are filled in")
        #expect(pompeo.metadata.modified == later && pompeo.metadata.author == "ana", "an update is dated; the author stays")
        let reuters = try #require(merge.updated.first { $0.after.id == "src2" }?.after)
        #expect(reuters.kind == "agency" && reuters.role == "wire", "a kind and a role the session chose are kept")
        #expect(reuters.aliases == ["Reuters news agency"])
    }

    @Test func importingTwiceChangesNothingTheSecondTime() {
        var target = session([])
        let file = SourceRegistryFile(entries: [.init(name: "The Daily Courier", kind: "outlet", aliases: ["Courier"])])
        let first = SourceRegistryMerge(file, into: target, author: "bo", time: time)
        for edit in first.edits { target.apply(edit) }
        #expect(target.sources.count == 1)
        #expect(SourceRegistryMerge(file, into: target, author: "bo", time: time).edits.isEmpty)
    }

    @Test func anAliasThatNamesAnotherSourceIsLeftOut() throws {
        let known = session([Source(id: "src1", name: "Marsh", kind: "official", author: "ana", created: time),
                             Source(id: "src2", name: "Helen", kind: "other", author: "ana", created: time)])
        let merge = SourceRegistryMerge(SourceRegistryFile(entries: [.init(name: "Marsh", kind: "official", aliases: ["Helen", "H. R. Marsh"])]),
                                        into: known, author: "bo", time: time)
        #expect(try #require(merge.updated.first).after.aliases == ["H. R. Marsh"])
    }
}
