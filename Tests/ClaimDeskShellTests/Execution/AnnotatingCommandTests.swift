import ClaimDeskCore
@testable import ClaimDeskShell
import Foundation
import Testing

@Suite struct AnnotatingCommandTests {
    @Test func sourceAddWithKindAliasesAndRole() throws {
        let fixture = ShellFixture()
        #expect(fixture.run("source add Helen R. Marsh --kind official --alias Marsh --alias \"Secretary Marsh\" --role \"Secretary of State\"")
                == "Added source src1 \"Helen R. Marsh\" (official)\n")
        let source = try #require(fixture.session.sources["src1"])
        #expect(source.name == "Helen R. Marsh")
        #expect(source.kind == "official")
        #expect(source.aliases == ["Marsh", "Secretary Marsh"])
        #expect(source.role == "Secretary of State")
        #expect(source.author == "tester")
        #expect(fixture.fail("source add marsh").hasPrefix("there is already a source \"Helen R. Marsh\" (src1)"))
        #expect(fixture.fail("source add X --kind offical")
                == "unknown source kind \"offical\"; did you mean official? choose one of: outlet, official, government, agency, organisation, expert, anonymous, document, other")
    }

    @Test func sourcesAreFoundByNameAliasPrefixOrWord() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        fixture.run("source add Gen. Thomas E. Reyes --kind official")
        let session = fixture.session
        #expect(session.lookupSource("the daily courier") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("COURIER") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("The Da") == .found(session.sources["src1"]!))
        #expect(session.lookupSource("Reyes") == .found(session.sources["src2"]!))
        #expect(session.lookupSource("src2") == .found(session.sources["src2"]!))
        #expect(session.lookupSource("Reyse") == .nearMiss(session.sources["src2"]!, name: "Gen. Thomas E. Reyes"))
        #expect(session.lookupSource("Tidewatch") == .none)
    }

    @Test func claimWithAChainOfSources() throws {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet --alias Courier")
        let output = fixture.run("claim s3 --by two officials --via Courier --via The Gulf Ledger --kind factual --verdict unverified --check-worthy yes --tag fees --tag talks,harbor --note Check the Ledger copy")
        #expect(output == """
            new source src2 "two officials" (other); set its kind with set src2 kind K
            new source src3 "The Gulf Ledger" (other); set its kind with set src3 kind K
            c1  claim by two officials via The Daily Courier → The Gulf Ledger: "The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”"

            """)
        let claim = try #require(fixture.session.claims["c1"])
        #expect(claim.claimant == "src2")
        #expect(claim.via == ["src1", "src3"])
        #expect(claim.checkWorthy == true)
        #expect(claim.tags == ["fees", "harbor", "talks"])
        #expect(claim.notes.map(\.text) == ["Check the Ledger copy"])
        #expect(claim.anchor.exact == "The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”")
        let text = fixture.session.articles["a1"]!.content
        #expect(text.slice(claim.anchor.range) == claim.anchor.exact)
        #expect(claim.anchor.prefix == text.slice(claim.anchor.start - 32..<claim.anchor.start))
        #expect(claim.anchor.suffix.unicodeScalars.count == 32)
    }

    @Test func aNearMissOfAKnownSourceIsRefused() {
        let fixture = ShellFixture()
        fixture.run("source add Helen R. Marsh --kind official")
        #expect(fixture.fail("claim s3 --by Msrsh")
                == "no source \"Msrsh\"; did you mean \"Helen R. Marsh\" (src1)? To add a new source anyway: source add Msrsh")
        #expect(fixture.session.claims.isEmpty)
        #expect(fixture.session.sources.count == 1)
    }

    @Test func wrongLabelsAreRefusedWithTheClosestLabel() {
        let fixture = ShellFixture()
        #expect(fixture.fail("claim s3 --verdict flase").hasPrefix("unknown verdict \"flase\"; did you mean false?"))
        #expect(fixture.fail("claim s3 --kind opinon").hasPrefix("unknown claim kind \"opinon\"; did you mean opinion?"))
        #expect(fixture.session.claims.isEmpty)
    }

    @Test func mentionsAndOverlappingSpans() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        #expect(fixture.run("mention \"The Daily Courier\" The Daily Courier")
                == "new source src1 \"The Daily Courier\" (other); set its kind with set src1 kind K\nm1  mention of The Daily Courier: \"The Daily Courier\"\n")
        fixture.run("mention s3:\"Helen R. Marsh\" Marsh")
        #expect(fixture.session.mentions.count == 2)
        let mention = try #require(fixture.session.mentions["m1"])
        let claim = try #require(fixture.session.claims["c1"])
        #expect(claim.anchor.range.contains(mention.anchor.start))
    }

    @Test func propositionsAndStances() throws {
        let fixture = ShellFixture()
        #expect(fixture.run("proposition add The harbor fees should be cut") == "pr1  proposition: The harbor fees should be cut\n")
        fixture.run("claim s5 --by Reyes")
        #expect(fixture.run("stance Reyes against pr1 --evidence s4 --evidence \"not escalate\"")
                == "st1  Reyes against pr1: The harbor fees should be cut\n")
        let stance = try #require(fixture.session.stances["st1"])
        #expect(stance.evidence.map(\.exact) == ["Gen. Thomas E. Reyes disagreed.", "not escalate"])
        #expect(fixture.fail("stance Reyes favor pr1").hasPrefix("Reyes already has a stance on pr1 (st1, against)"))
        #expect(fixture.fail("stance Reyes favor pr9") == "no proposition pr9; list propositions shows them")
        #expect(fixture.fail("stance Reyes favor escalation")
                == "a stance target is a proposition or a claim id (pr1, c2), not escalation; add one with proposition add TEXT")
        #expect(fixture.fail("stance Reyes favour c1").hasPrefix("unknown stance label \"favour\"; did you mean favor?"))
        fixture.run("stance Reyes favor c1")
        #expect(fixture.session.stances["st2"]?.target == "c1")
    }

    @Test func linksTagsNotesAndRemoval() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.run("claim s5")
        #expect(fixture.run("link c2 contradicts c1") == "r1  c2 contradicts c1\n")
        #expect(fixture.fail("link c2 contradicts c1") == "c2 contradicts c1 exists already as r1")
        #expect(fixture.fail("link c2 refutes c1").hasPrefix("unknown relation type \"refutes\""))
        #expect(fixture.fail("link c2 supports c9") == "no claim c9 in this session; list claims shows them")
        #expect(fixture.run("tag c1 fees disputed") == "c1  tagged disputed, fees\n")
        #expect(fixture.fail("tag c1 fees") == "c1 already has that tag")
        #expect(fixture.run("untag c1 fees") == "c1  untagged fees\n")
        #expect(fixture.fail("untag c1 fees") == "c1 has no tag fees; its tags: disputed")
        #expect(fixture.run("note c1 Compare with the ministry statement") == "n1  note on c1\n")
        #expect(fixture.session.claims["c1"]?.notes.first?.text == "Compare with the ministry statement")
        #expect(fixture.run("rm n1") == "Removed note n1\n")
        #expect(fixture.session.claims["c1"]?.notes.isEmpty == true)
        #expect(fixture.run("rm c1") == "Removed c1 and what pointed at it: r1\n")
        #expect(fixture.session.claims["c1"] == nil)
        #expect(fixture.session.relations.isEmpty)
    }

    @Test func aSourceInUseCannotBeRemoved() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        #expect(fixture.fail("rm src1") == "src1 is still used by c1; remove those or point them at another source first")
        fixture.run("rm c1")
        #expect(fixture.run("rm src1") == "Removed src1\n")
    }

    @Test func setChangesOneField() throws {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier")
        #expect(fixture.run("set c1 verdict misleading") == "c1  verdict set to misleading\n")
        #expect(fixture.session.claims["c1"]?.verdict == "misleading")
        fixture.run("set c1 via The Gulf Ledger, Wire Digest")
        #expect(fixture.session.claims["c1"]?.via.count == 2)
        fixture.run("set c1 span \"a firm answer\"")
        #expect(fixture.session.claims["c1"]?.anchor.exact == "a firm answer")
        fixture.run("set src1 kind outlet")
        #expect(fixture.session.sources["src1"]?.kind == "outlet")
        fixture.run("set session organization Harbor Fact Desk")
        #expect(fixture.session.settings.organization == "Harbor Fact Desk")
        #expect(fixture.fail("set c1 verdikt false") == "c1 has no field verdikt; did you mean verdict? fields: span, by, via, cue, kind, verdict, check-worthy")
        #expect(fixture.fail("set c1 verdict maybe").hasPrefix("unknown verdict \"maybe\""))
        #expect(fixture.fail("set c7 verdict false") == "no claim c7 in this session; list claims shows them")
    }

    @Test func idsAreNeverReused() {
        let fixture = ShellFixture()
        fixture.run("claim s3")
        fixture.run("rm c1")
        fixture.run("claim s3")
        #expect(fixture.session.claims.keys.map(\.rawValue) == ["c2"])
        fixture.run("undo")
        fixture.run("claim s4")
        #expect(fixture.session.claims.keys.map(\.rawValue) == ["c3"])
    }

    @Test func idsAreNeverSelections() {
        for kind in AnnotationKind.allCases {
            let id = AnnotationID(kind: kind, number: 3)
            let selection = try? SelectionParser.parse(id.rawValue)
            if case .sentences? = selection { Issue.record("\(id) reads as a sentence") }
            if case .paragraphs? = selection { Issue.record("\(id) reads as a paragraph") }
        }
    }

    @Test func listFiltersByTypeSourceTagLabelAndSpan() {
        let fixture = ShellFixture()
        fixture.run("claim s3 --by Courier --tag fees")
        fixture.run("claim s5 --by Reyes --verdict false")
        fixture.run("mention \"Helen R. Marsh\" Marsh")
        #expect(fixture.run("list claims --by Reyes").split(separator: "\n").map { $0.prefix(3) } == ["c2 "])
        #expect(fixture.run("list claims --tag fees").hasPrefix("c1 "))
        #expect(fixture.run("list claims --label false").hasPrefix("c2 "))
        #expect(fixture.run("list --in s3").contains("c1 "))
        #expect(!fixture.run("list --in s3").contains("c2 "))
        #expect(fixture.run("list mentions") == "m1    s3    Marsh  \"Helen R. Marsh\"\n")
        #expect(fixture.run("list stances") == "no stances yet\n")
        #expect(fixture.run("list claims --tag nothing") == "no claims match\n")
        #expect(fixture.fail("list clams") == "cannot list clams; did you mean claims? choose claims, sources, mentions, stances, propositions, relations")
    }

    @Test func showIdPrintsTheWholeAnnotation() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet")
        fixture.run("claim s3 --by two officials --via The Daily Courier --tag fees --note Verify")
        fixture.run("proposition add Fees should be cut")
        fixture.run("stance two officials favor c1")
        fixture.run("claim s5")
        fixture.run("link c2 contradicts c1")
        let output = fixture.run("show c1")
        #expect(output == """
            c1  claim
              text       "The Daily Courier reported, quoting two officials, that Secretary Helen R. Marsh wanted “a firm answer.”"
              where      s3 @121-225 in a1
              by         two officials (src2, other)
              via        The Daily Courier (src1, outlet)
              kind       factual, verdict unverified
              stance     st1 two officials favor c1
              relation   r1 c2 contradicts c1
              tags       fees
              note       n1 Verify  (tester, 2026-09-21T14:13:20Z)
              made       by tester, 2026-09-21T14:13:20Z

            """)
    }
}

@Suite struct RegistryAndShellCommandTests {
    /// Columns line up by display width: a Chinese name takes two columns a character.
    @Test func sourcesLinesUpNameAndKindByDisplayWidth() {
        let fixture = ShellFixture()
        fixture.run("source add The Daily Courier --kind outlet")
        fixture.run("source add 新华社 --kind agency")
        fixture.run("source add Café Noir --kind organisation")
        let lines = fixture.run("sources").split(separator: "\n").map(String.init)
        #expect(lines == [
            "src1  The Daily Courier  outlet        (0 claims, 0 mentions)",
            "src2  新华社             agency        (0 claims, 0 mentions)",
            "src3  Café Noir          organisation  (0 claims, 0 mentions)",
        ])
    }

    @Test func sourcesListsTheRegistryWithUseCounts() {
        let fixture = ShellFixture()
        #expect(fixture.run("sources") == "no sources yet; add one with source add NAME --kind K\n")
        fixture.run("source add The Daily Courier --kind outlet --alias Courier --role \"morning paper\"")
        fixture.run("claim s3 --by Courier")
        fixture.run("mention \"The Daily Courier\" Courier")
        fixture.run("tag src1 wire")
        #expect(fixture.run("sources") == "src1  The Daily Courier  outlet  aka Courier  — morning paper  (1 claim, 1 mention)  #wire\n")
        #expect(fixture.run("list sources --label outlet") == fixture.run("sources"))
        let shown = fixture.run("show src1")
        #expect(shown.hasPrefix("src1  source The Daily Courier\n  kind       outlet\n  aliases    Courier\n  role       morning paper\n"))
        #expect(shown.contains("  used by    c1, m1\n"))
    }

    @Test func sessionsListsSavedSessionsAndMarksTheOpenOne() {
        let fixture = ShellFixture()
        #expect(fixture.run("sessions") == "no saved sessions yet; save one with save NAME\n")
        fixture.run("save harbor")
        let listing = fixture.run("sessions")
        #expect(listing.hasPrefix("* harbor  sessions/harbor.json  "))
    }

    @Test func quitAndExitEndTheShell() {
        let fixture = ShellFixture()
        #expect(fixture.shell.execute("quit").quit)
        #expect(fixture.shell.execute("exit").quit)
        #expect(!fixture.shell.execute("status").quit)
        #expect(fixture.fail("quit now") == "too many arguments to quit (now); usage: quit")
    }

    @Test func propositionsAndStancesAreListed() {
        let fixture = ShellFixture()
        fixture.run("proposition add Fees should be cut")
        fixture.run("stance Marsh favor pr1 --evidence s3")
        fixture.run("stance Reyes against pr1")
        #expect(fixture.run("list propositions") == "pr1   Fees should be cut  (1 against, 1 favor)\n")
        #expect(fixture.run("list stances --by Marsh") == "st1   Marsh favor pr1 \"Fees should be cut\"  evidence s3\n")
        #expect(fixture.fail("proposition add fees SHOULD be cut").hasPrefix("this proposition exists already as pr1"))
    }
}
