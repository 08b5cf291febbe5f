import ClaimDeskCore
import Foundation

extension CommandContext {
    // MARK: - Undo, redo

    // MARK: - Journal



    // MARK: - Save


    // MARK: - Open

    func open(_ target: String) throws(ShellError) -> [StyledLine] {
        let store = host.store
        let location: SessionLocation
        do { location = try store.location(for: target) } catch { throw ShellError("cannot open \(target): \(error.message)") }
        if location.key == persistence.place.location?.key {
            throw ShellError("\(location.name) is already open")
        }
        let opened = try openSession(at: location)
        var lines = opened.notices
        switchTo(opened, notices: &lines)
        lines += reanchorEditedArticles()
        let s = workspace.session
        lines.insert(StyledLine("Opened \(location.displayPath): \(s.contentsSummary)"
                                + (persistence.place.readOnlyReason != nil ? " (read-only)" : "")), at: 0)
        return lines
    }

    /// Leaves the current session (releasing its lock) for an opened one.
    func switchTo(_ opened: SessionPersistence.OpenedSession, notices lines: inout [StyledLine]) {
        if let previous = persistence.place.location {
            if previous.isUnsaved && workspace.unsavedChanges > 0 {
                lines.insert(StyledLine("the untitled session's changes stay in its journal; sessions lists it as \(previous.name)", .dim), at: 0)
            }
            persistence.release()
        }
        adopt(opened)
    }




    /// Opens the newest abandoned unsaved session, if any, when the shell starts without arguments.
    public func recoverAbandonedSession() -> [StyledLine] {
        guard let newest = host.store.abandonedUnsaved().first,
              let opened = try? openSession(at: newest) else { return [] }
        adopt(opened)
        return [StyledLine("Reopened the unsaved session \(newest.name) left by an earlier run", .notice)] + opened.notices
            + reanchorEditedArticles()
    }

    // MARK: - Listing and status

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    // MARK: - Taxonomy

    func taxonomyShow() -> [StyledLine] {
        let taxonomy = workspace.session.taxonomy
        var lines: [StyledLine] = []
        for facet in Taxonomy.Facet.allCases {
            let name = (facet.rawValue + "s").padding(toLength: 16, withPad: " ", startingAt: 0)
            lines.append(StyledLine(name, .strong) + StyledLine(taxonomy.labels(facet).joined(separator: ", "), .label))
        }
        lines.append(StyledLine(taxonomy == .standard ? "(the default taxonomy)" : "(this session's own taxonomy)", .dim))
        return lines
    }

    /// An annotation whose label a new taxonomy would not have.
    func firstLabelOutside(_ taxonomy: Taxonomy) -> (AnnotationID, Taxonomy.Facet, String)? {
        let s = workspace.session
        func missing(_ label: String, _ facet: Taxonomy.Facet) -> Bool { taxonomy.canonical(label, in: facet) == nil }
        for source in s.orderedSources where missing(source.kind, .sourceKind) { return (source.id, .sourceKind, source.kind) }
        for claim in s.claims.values.sorted(by: { $0.id < $1.id }) {
            if missing(claim.kind, .claimKind) { return (claim.id, .claimKind, claim.kind) }
            if missing(claim.verdict, .verdict) { return (claim.id, .verdict, claim.verdict) }
        }
        for stance in s.stances.values.sorted(by: { $0.id < $1.id }) where missing(stance.label, .stanceLabel) {
            return (stance.id, .stanceLabel, stance.label)
        }
        for relation in s.relations.values.sorted(by: { $0.id < $1.id }) where missing(relation.type, .relationType) {
            return (relation.id, .relationType, relation.type)
        }
        return nil
    }
}
