@testable import ClaimDeskCore
import Testing

/// A small type declared the way model types are, to test the table machinery on its own.
private struct Parcel: JSONCodable, Equatable {
    var name = ""
    var weight = 0
    var label: String?
    var tags: [String] = []
    var fragile = false
    var handled = 0
    var route = Route()

    struct Route: Equatable {
        var from = ""
        var to = ""
    }

    // Declared out of key order on purpose: writing sorts them; "weight" before "name" decides
    // which missing key is reported first.
    static let jsonFields = JSONFields<Parcel>([
        .required("weight", \.weight),
        .required("name", \.name),
        .optional("label", \.label),
        .omittedWhenEmpty("tags", \.tags),
        .defaulted("fragile", \.fragile),
        .defaulted("handled", \.handled, whenAbsent: { $0.handled = $0.weight * 10 }),
        .required("routeFrom", \.route.from),
        .defaulted("routeTo", \.route.to),
    ])

    static var jsonDefaults: Parcel { Parcel() }

    static func checkJSON(_ parcel: inout Parcel, reader: JSONReader) throws(JSONReadError) {
        guard parcel.weight >= 0 else { throw reader.error("a weight cannot be negative") }
    }
}

/// A value kept inside another type, whose fields that type embeds (as annotations embed their metadata).
private struct Stamp: Equatable {
    var by = ""
    var first = 0
    var last = 0

    static let jsonFields = JSONFields<Stamp>([
        .required("by", \.by),
        .required("first", \.first),
        .defaulted("last", \.last, whenAbsent: { $0.last = $0.first }),
    ])
}

/// A type that embeds `Stamp`'s fields, after a field of its own so that the stamp lies at an offset.
private struct Crate: JSONCodable, Equatable {
    var label = ""
    var size = 0
    var stamp = Stamp()

    static let jsonFields = JSONFields<Crate>([
        .required("label", \.label),
        .defaulted("size", \.size),
    ] + JSONField.embedded(Stamp.jsonFields, at: \.stamp))

    static var jsonDefaults: Crate { Crate() }
}

@Suite struct JSONCodableTests {
    /// Embedded fields read and write the inner value where it lies, keep its rules for absent
    /// keys (required, filled in from another field) and sort among the outer type's keys.
    @Test func embeddedFieldsReachTheInnerValueAtItsOffset() throws {
        #expect(MemoryLayout<Crate>.offset(of: \Crate.stamp)! > 0)
        var reader = JSONReader(Array(#"{"by": "ana", "first": 3, "label": "box", "size": 2}"#.utf8))
        let crate = try Crate(json: &reader)
        #expect(crate == Crate(label: "box", size: 2, stamp: Stamp(by: "ana", first: 3, last: 3)))
        var writer = JSONWriter(pretty: false)
        crate.write(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"by":"ana","first":3,"label":"box","last":3,"size":2}"#)
        var missing = JSONReader(Array(#"{"first": 3, "label": "box"}"#.utf8))
        #expect(throws: JSONReadError(path: "by", line: nil, column: nil, problem: "missing")) {
            _ = try Crate(json: &missing)
        }
    }

    private func encode(_ parcel: Parcel) -> String {
        var writer = JSONWriter(pretty: false)
        parcel.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func decode(_ json: String) throws(JSONReadError) -> Parcel {
        var reader = JSONReader(Array(json.utf8))
        let parcel = try Parcel(json: &reader)
        try reader.end()
        return parcel
    }

    /// The error reading `json` gives, as the user sees it.
    private func failure(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func writesKeysInSortedOrderWhateverTheDeclarationOrder() {
        var parcel = Parcel(name: "box", weight: 3, label: "red", tags: ["a", "b"], fragile: true, handled: 7)
        parcel.route = .init(from: "Oslo", to: "Rome")
        #expect(encode(parcel) == #"{"fragile":true,"handled":7,"label":"red","name":"box","routeFrom":"Oslo","routeTo":"Rome","tags":["a","b"],"weight":3}"#)
    }

    @Test func roundTripsEveryKindOfField() throws {
        var parcel = Parcel(name: "crate \"α\"", weight: 12, label: "fragile\nglass", tags: ["x"], fragile: true, handled: 4)
        parcel.route = .init(from: "Rīga", to: "")
        #expect(try decode(encode(parcel)) == parcel)
        #expect(encode(try decode(encode(parcel))) == encode(parcel))
    }

    @Test func leavesOutNilOptionalsAndEmptyCollectionsButWritesDefaults() {
        let json = encode(Parcel(name: "box", weight: 1))
        #expect(json == #"{"fragile":false,"handled":0,"name":"box","routeFrom":"","routeTo":"","weight":1}"#)
        #expect(!json.contains("label"))
        #expect(!json.contains("tags"))
    }

    @Test func absentKeysKeepTheDefaultsOrAreFilledFromOtherFields() throws {
        let parcel = try decode(#"{"name": "box", "weight": 2, "routeFrom": "Oslo"}"#)
        #expect(parcel.label == nil)
        #expect(parcel.tags.isEmpty)
        #expect(parcel.fragile == false)
        #expect(parcel.route.to == "")
        #expect(parcel.handled == 20, "filled from weight because it was absent")
        #expect(try decode(#"{"handled": 1, "name": "box", "weight": 2, "routeFrom": ""}"#).handled == 1)
    }

    @Test func readsKeysInAnyOrderAndSkipsUnknownOnes() throws {
        let parcel = try decode("""
            {"weight": 4, "future": {"nested": [1, 2.5e3, null, "\\u00e9"]}, "tags": ["t"], "routeFrom": "A",
             "name": "box", "zzz": true, "label": null, "aaa": "first"}
            """)
        #expect(parcel.name == "box")
        #expect(parcel.weight == 4)
        #expect(parcel.tags == ["t"])
        #expect(parcel.label == nil, "null reads as absent for an optional field")
        #expect(parcel.route.from == "A")
    }

    @Test func aMissingRequiredKeyIsReportedWithItsPath() {
        var reader = JSONReader(Array(#"{"parcels": [{"name": "a", "weight": 1, "routeFrom": ""}, {"name": "b", "routeFrom": ""}]}"#.utf8))
        #expect(throws: JSONReadError(path: "parcels[1].weight", line: nil, column: nil, problem: "missing")) {
            try reader.beginObject()
            _ = try reader.nextKey()
            _ = try [Parcel](json: &reader)
        }
    }

    @Test func theFirstMissingKeyIsTheFirstDeclaredNotTheFirstInKeyOrder() {
        #expect(failure(#"{"label": "x"}"#) == "at weight: missing")
        #expect(failure(#"{"weight": 1}"#) == "at name: missing")
        #expect(failure(#"{"weight": 1, "name": "n"}"#) == "at routeFrom: missing")
    }

    @Test func aValueOfTheWrongTypeIsReportedWhereItStands() {
        #expect(failure(#"{"name": "box", "weight": "heavy", "routeFrom": ""}"#) == "at weight (line 1, column 27): expected an integer, found a string")
        #expect(failure(#"{"name": "box", "weight": 1, "routeFrom": "", "tags": [1]}"#) == "at tags[0] (line 1, column 56): expected a string, found a number")
    }

    @Test func theCheckRunsOnceTheObjectIsRead() {
        #expect(failure(#"{"name": "box", "weight": -1, "routeFrom": ""}"#)?.hasSuffix("a weight cannot be negative") == true)
    }

    @Test func aNestedFieldIsReadAndWrittenWhereItLies() throws {
        var parcel = Parcel()
        FieldAccess(\Parcel.route.to).set(&parcel, "Lima")
        #expect(parcel.route.to == "Lima")
        #expect(withUnsafePointer(to: parcel) { FieldAccess(\Parcel.route.to).address(in: $0).pointee } == "Lima")
        #expect(FieldAccess(\Parcel.route.to).offset == MemoryLayout<Parcel>.offset(of: \Parcel.route)! + MemoryLayout<Parcel.Route>.offset(of: \.to)!)
    }

    @Test func modelTypesKeepTheirOldReadingRules() throws {
        // An annotation without `modified` takes its `created`; unknown keys are skipped.
        var reader = JSONReader(Array(#"{"author": "ana", "created": "2026-01-02T03:04:05Z", "id": "pr1", "new": 1, "text": "T"}"#.utf8))
        let proposition = try Proposition(json: &reader)
        #expect(proposition.modified == proposition.created)
        #expect(proposition.tags.isEmpty)
        var writer = JSONWriter(pretty: false)
        proposition.write(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == #"{"author":"ana","created":"2026-01-02T03:04:05Z","id":"pr1","modified":"2026-01-02T03:04:05Z","notes":[],"tags":[],"text":"T"}"#)
        // An anchor is checked after it is read, at the anchor's path.
        var bad = JSONReader(Array(#"{"article": "a1", "end": 1, "exact": "", "prefix": "", "start": 2, "suffix": ""}"#.utf8))
        #expect(throws: JSONReadError(path: "", line: nil, column: nil, problem: "start and end must satisfy 0 <= start <= end")) {
            _ = try Anchor(json: &bad)
        }
    }

    @Test func nullReadsAsAbsentForEveryOptionalKeyOfAModelType() throws {
        // `cue` refused null before optional fields were declared once; `claimant` took it.
        let json = #"{"anchor": {"article": "a1", "end": 3, "exact": "abc", "prefix": "", "start": 0, "suffix": ""}, "author": "ana", "claimant": null, "created": "2026-01-02T03:04:05Z", "cue": null, "id": "c1", "kind": "factual", "verdict": "unverified"}"#
        var reader = JSONReader(Array(json.utf8))
        let claim = try Claim(json: &reader)
        #expect(claim.cue == nil)
        #expect(claim.claimant == nil)
        #expect(claim.anchor.exact == "abc")
    }
}
