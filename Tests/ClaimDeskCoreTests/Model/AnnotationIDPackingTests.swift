@testable import ClaimDeskCore
import Testing

/// An id's number and prefix length share one word; what it answers is as before, at the edges too.
@Suite struct AnnotationIDPackingTests {
    @Test(arguments: [
        ("c1", "c", 1, AnnotationKind.claim), ("src999999999999999", "src", 999_999_999_999_999, .source),
        ("pr12", "pr", 12, .proposition), ("x7", "x", 7, .conflict),
    ])
    func wellFormedIdsKeepTheirParts(_ raw: String, _ prefix: String, _ number: Int, _ kind: AnnotationKind) {
        let id = AnnotationID(raw)
        #expect(id.prefix == prefix)
        #expect(id.number == number)
        #expect(id.kind == kind)
        #expect(id.rawValue == raw)
    }

    @Test(arguments: ["c", "c1x", "src1000000000000000", "", "c-1"])
    func malformedIdsHaveNoNumberOrKind(_ raw: String) {
        let id = AnnotationID(raw)
        #expect(id.number == nil)
        #expect(id.kind == nil)
    }

    @Test func aPrefixLongerThanAByteCanCountIsStillWhole() {
        let letters = String(repeating: "q", count: 300)
        let id = AnnotationID(letters + "5")
        #expect(id.prefix.count == 300)
        #expect(id.number == 5)
        #expect(id.kind == nil)
        #expect(AnnotationID(letters + "5") < AnnotationID(letters + "10"))
        #expect(AnnotationID(letters + "5") < AnnotationID(letters + "q1"))
        #expect(AnnotationID("c9") < AnnotationID("c10"))
    }
}

extension AnnotationIDPackingTests {
    @Test func everyKindsCodeNamesItAgain() {
        for kind in AnnotationKind.allCases {
            #expect(AnnotationKind(code: Int(kind.code)) == kind)
            #expect(AnnotationID(kind: kind, number: 3).kind == kind)
        }
        #expect(AnnotationKind(code: 0) == nil)
        // A table by code has a place for every kind, and only one kind in each.
        #expect(AnnotationKind.allCases.allSatisfy { Int($0.code) < AnnotationKind.codeTableSize })
        #expect(Set(AnnotationKind.allCases.map(\.code)).count == AnnotationKind.allCases.count)
        #expect(AnnotationKind(code: AnnotationKind.codeTableSize) == nil)
    }

    /// Ids sorted through the fast path for known kinds sort as the comparison of their parts.
    @Test func knownKindsSortAsTheirParts() {
        let ids: [AnnotationID] = ["c10", "c2", "c02", "m1", "src3", "c1", "zz2", "zz10", "st4", "c", "pr1", "x1", "n9", "a3"]
        let sorted = ids.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            let key = { (id: AnnotationID) in (String(id.prefix), id.number ?? -1, id.rawValue) }
            let (pa, na, ra) = key(a), (pb, nb, rb) = key(b)
            #expect(pa < pb || (pa == pb && (na < nb || (na == nb && ra <= rb))) || (a.number == nil) != (b.number == nil), "\(a) before \(b)")
        }
        #expect(sorted.filter { $0.kind == .claim }.map(\.rawValue) == ["c1", "c02", "c2", "c10"])
    }
}
