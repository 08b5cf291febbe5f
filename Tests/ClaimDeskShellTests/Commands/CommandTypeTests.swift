@testable import ClaimDeskShell
import Testing

/// Commands decode their arguments through the keys they declare, and the registry of command
/// types is what parsing, help and completion see.
@Suite struct CommandTypeTests {
    /// The arguments of one line for a command type, as the shell sorts them.
    static func arguments<C: ShellCommand>(_ line: String, for type: C.Type) throws -> ParsedArguments {
        let command = try #require(Tokenizer.commands(line).first)
        let words = type.spec.words.count
        return try ArgumentReader.read(Array(command.tokens.dropFirst(words)), line: command.text,
                                       commandEnd: command.tokens[words - 1].range.upperBound, spec: type.spec)
    }

    @Test func aClaimsFlagsAreReadThroughItsKeys() throws {
        let line = "claim s3:\"talks had stalled\" --by Senior U.S. officials --via Meridian Wire --via Courier --cue \"said\" --tag a,b"
        let claim = try ClaimCommand(Self.arguments(line, for: ClaimCommand.self))
        #expect(claim.selection == "s3:\"talks had stalled\"")
        #expect(claim.claimant == "Senior U.S. officials")
        #expect(claim.relays == ["Meridian Wire", "Courier"])
        // A selection keeps its quotes: the resolver needs them.
        #expect(claim.cue == "\"said\"")
        #expect(claim.tags == ["a,b"])
        #expect(claim.kind == nil && claim.note == nil)
    }

    @Test func twoPositionalsShownWithTheSameNameAreToldApart() throws {
        let link = try LinkCommand(Self.arguments("link c3 supports c1", for: LinkCommand.self))
        #expect(link.from == "c3")
        #expect(link.relation == "supports")
        #expect(link.to == "c1")
    }

    @Test func aSwitchIsTrueOnlyWhenGiven() throws {
        #expect(try ExportCommand(Self.arguments("export claimreview --all", for: ExportCommand.self)).options.includeUnaccepted)
        #expect(try !ExportCommand(Self.arguments("export claimreview", for: ExportCommand.self)).options.includeUnaccepted)
    }

    @Test func theRegistryNamesEachCommandOnceWithFlagsNamedOnce() {
        let names = CommandCatalog.all.map(\.name.rawValue)
        #expect(Set(names).count == names.count)
        for spec in CommandCatalog.all {
            let flags = spec.flags.map(\.name)
            #expect(Set(flags).count == flags.count, "\(spec.name) declares a flag twice")
            #expect(spec.usage.hasPrefix(spec.name.rawValue), "\(spec.name)'s usage does not start with its name")
        }
        for (alias, name) in CommandCatalog.aliases {
            #expect(names.contains(name.rawValue), "the alias \(alias) names no command")
        }
    }

    @Test func aLineMatchesTheTypeOfItsLongestCommandName() throws {
        let tokens = try Tokenizer.tokenize("source add Reuters --kind outlet")
        let match = try #require(CommandCatalog.matchCommand(tokens))
        #expect(ObjectIdentifier(match.type) == ObjectIdentifier(SourceAddCommand.self))
        #expect(match.consumed == 2)
        let alias = try #require(CommandCatalog.matchCommand(try Tokenizer.tokenize("ls claims")))
        #expect(ObjectIdentifier(alias.type) == ObjectIdentifier(ListCommand.self))
    }
}
