/// The label sets a session uses: source kinds, claim kinds, verdicts, stance labels, relation types.
///
/// A session may carry its own; the defaults are documented in `docs/taxonomy.md`
/// and users and scripts rely on their names.
public struct Taxonomy: Hashable, Sendable {
    public var sourceKinds: [String]
    public var claimKinds: [String]
    public var verdicts: [String]
    public var stanceLabels: [String]
    public var relationTypes: [String]

    public init(sourceKinds: [String], claimKinds: [String], verdicts: [String], stanceLabels: [String],
                relationTypes: [String]) {
        self.sourceKinds = sourceKinds
        self.claimKinds = claimKinds
        self.verdicts = verdicts
        self.stanceLabels = stanceLabels
        self.relationTypes = relationTypes
    }

    public static let standard = Taxonomy(
        sourceKinds: ["outlet", "official", "government", "agency", "organisation", "expert", "anonymous", "document", "other"],
        claimKinds: ["factual", "opinion", "prediction", "other"],
        verdicts: ["unverified", "true", "mostly-true", "mixed", "misleading", "mostly-false", "false", "unsupported"],
        stanceLabels: ["favor", "against", "neutral", "unclear"],
        relationTypes: ["supports", "contradicts", "elaborates", "same-as"]
    )

    /// One of the five label sets.
    public enum Facet: String, CaseIterable, Sendable {
        case sourceKind = "source kind"
        case claimKind = "claim kind"
        case verdict = "verdict"
        case stanceLabel = "stance label"
        case relationType = "relation type"

        /// The key in a taxonomy JSON file.
        public var key: String {
            switch self {
            case .sourceKind: "sourceKinds"
            case .claimKind: "claimKinds"
            case .verdict: "verdicts"
            case .stanceLabel: "stanceLabels"
            case .relationType: "relationTypes"
            }
        }
    }

    public func labels(_ facet: Facet) -> [String] {
        switch facet {
        case .sourceKind: sourceKinds
        case .claimKind: claimKinds
        case .verdict: verdicts
        case .stanceLabel: stanceLabels
        case .relationType: relationTypes
        }
    }

    public mutating func setLabels(_ labels: [String], for facet: Facet) {
        switch facet {
        case .sourceKind: sourceKinds = labels
        case .claimKind: claimKinds = labels
        case .verdict: verdicts = labels
        case .stanceLabel: stanceLabels = labels
        case .relationType: relationTypes = labels
        }
    }

    /// The default for a facet: the first label of its set.
    public func defaultLabel(_ facet: Facet) -> String { labels(facet).first ?? "" }

    /// The label for something not yet classified: `other` if the set has it, else its last label
    /// (`other` when the set is empty, which opening a session and `taxonomy load` never let through).
    public func fallbackLabel(_ facet: Facet) -> String {
        canonical("other", in: facet) ?? labels(facet).last ?? "other"
    }

    /// The label as the taxonomy spells it (matched case-insensitively), or nil.
    public func canonical(_ label: String, in facet: Facet) -> String? {
        labels(facet).first { $0.caseInsensitiveCompare(label) == .orderedSame }
    }

    /// Checks that every facet has at least one label and no duplicates.
    public func validate() throws(TaxonomyError) {
        for facet in Facet.allCases {
            let set = labels(facet)
            if set.isEmpty { throw .emptyFacet(facet.key) }
            var seen = Set<String>()
            for label in set {
                let trimmed = Spaces.trimmed(label)
                if trimmed.isEmpty || trimmed.contains(where: { $0.isWhitespace }) { throw .badLabel(facet.key, label) }
                if !seen.insert(label.lowercased()).inserted { throw .duplicateLabel(facet.key, label) }
            }
        }
    }
}

public enum TaxonomyError: Error, Equatable, Sendable {
    case emptyFacet(String)
    case duplicateLabel(String, String)
    case badLabel(String, String)

    public var message: String {
        switch self {
        case .emptyFacet(let key): "\"\(key)\" has no labels; give it at least one"
        case .duplicateLabel(let key, let label): "\"\(key)\" lists \"\(label)\" twice"
        case .badLabel(let key, let label): "\"\(key)\" has a label \"\(label)\" that is empty or contains spaces"
        }
    }
}

import Foundation

/// A taxonomy file or a session's taxonomy; sets that are absent keep the defaults.
extension Taxonomy: JSONCodable {
    public static let jsonFields = JSONFields<Taxonomy>([
        .defaulted("sourceKinds", \.sourceKinds),
        .defaulted("claimKinds", \.claimKinds),
        .defaulted("verdicts", \.verdicts),
        .defaulted("stanceLabels", \.stanceLabels),
        .defaulted("relationTypes", \.relationTypes),
    ])

    public static var jsonDefaults: Taxonomy { .standard }
}
