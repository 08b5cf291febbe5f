import ClaimDeskCore
import Foundation

extension Shell {
    // MARK: - Undo, redo

    func undo() throws(ShellError) -> [StyledLine] {
        try requireWritable()
        guard let (undone, applied) = workspace.undo() else { throw ShellError("nothing to undo") }
        journal(applied)
        return [StyledLine("Undid: \(undone.summary)")]
    }

    func redo() throws(ShellError) -> [StyledLine] {
        try requireWritable()
        guard let (redone, applied) = workspace.redo() else { throw ShellError("nothing to redo") }
        journal(applied)
        return [StyledLine("Redid: \(redone.summary)")]
    }

    // MARK: - Journal

    /// Appends a change to the session's journal, flushed before the prompt returns.
    ///
    /// A session without a location gets an unsaved one on its first change.
    /// When a write fails the change stays in memory, the user is told, and
    /// journalling stops until a save writes a consistent snapshot.
    func journal(_ change: Change) {
        guard journalBroken == nil else {
            pendingNotices.append(StyledLine("warning: not journalled (\(journalBroken!)); save to keep your work", .warning))
            return
        }
        let store = host.store
        do {
            if workspace.location == nil {
                let location = store.newUnsavedLocation()
                _ = try store.lock(location)
                workspace.location = location
            }
            let location = workspace.location!
            // A new journal gets its header in the same write (and flush) as its first change.
            let header = journalStarted ? Data() : JournalCodec.encode(journalHeader)
            try store.appendJournal(header + JournalCodec.encode(change), at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            pendingNotices.append(StyledLine(
                "warning: could not write the journal (\(error.message)); the change is kept in memory only; save to keep your work",
                .warning))
        }
    }

    var journalHeader: JournalCodec.Header {
        JournalCodec.Header(analyst: workspace.session.analyst, created: workspace.session.created)
    }

    // MARK: - Save

    func save(_ target: String?) throws(ShellError) -> [StyledLine] {
        let store = host.store
        let current = workspace.location
        let location: SessionLocation
        if let target {
            do { location = try store.location(for: target) } catch { throw ShellError("cannot save to \(target): \(error.message)") }
        } else if let current, !current.isUnsaved {
            location = current
        } else {
            throw ShellError("this session has no name yet; save it with save NAME (it lands in the sessions folder)")
        }
        let sameAsCurrent = location.key == current?.key
        if sameAsCurrent, let reason = workspace.readOnlyReason {
            throw ShellError("this session is read-only (\(reason)); save a copy with save NEWNAME")
        }
        var lockNote: StyledLine? = nil
        if !sameAsCurrent {
            if store.exists(location) {
                throw ShellError("\(location.displayPath) exists already; choose another name, or open it to work on it")
            }
            let outcome: LockOutcome
            do { outcome = try store.lock(location) } catch { throw ShellError("cannot save to \(location.displayPath): \(error.message)") }
            switch outcome {
            case .acquired: break
            case .tookOver(let previous): lockNote = StyledLine("took over a stale lock left by \(previous)", .dim)
            case .heldBy(let holder): throw ShellError("\(location.displayPath) is being edited by \(holder); choose another name")
            }
        }
        var session = workspace.session
        session.name = location.name
        let data = SessionDocument.encode(session)
        do {
            try store.writeSnapshot(data, to: location)
        } catch {
            if !sameAsCurrent { store.unlock(location) }
            throw ShellError("could not save to \(location.displayPath): \(error.message); your work is still here and in the journal")
        }
        if !sameAsCurrent, let current {
            store.discardJournal(at: current)
            store.unlock(current)
        }
        workspace.setName(location.name)
        workspace.location = location
        workspace.readOnlyReason = nil
        workspace.markSaved()
        journalStarted = false
        journalBroken = nil
        let s = workspace.session
        var lines = [StyledLine("Saved \(location.displayPath) (\(count(s.articles.count, "article")), \(count(s.annotationCount, "annotation")))")]
        if let lockNote { lines.append(lockNote) }
        return lines
    }

    // MARK: - Open

    func open(_ target: String) throws(ShellError) -> [StyledLine] {
        let store = host.store
        let location: SessionLocation
        do { location = try store.location(for: target) } catch { throw ShellError("cannot open \(target): \(error.message)") }
        if location.key == workspace.location?.key {
            throw ShellError("\(location.name) is already open")
        }
        let opened = try openSession(at: location)
        let previous = workspace.location
        var lines = opened.notices
        if let previous {
            if previous.isUnsaved && workspace.unsavedChanges > 0 {
                lines.insert(StyledLine("the untitled session's changes stay in its journal; sessions lists it as \(previous.name)", .dim), at: 0)
            }
            store.unlock(previous)
        }
        adopt(opened)
        lines += reanchorEditedArticles()
        let s = workspace.session
        lines.insert(StyledLine("Opened \(location.displayPath): \(count(s.articles.count, "article")), \(count(s.annotationCount, "annotation"))"
                                + (workspace.readOnlyReason != nil ? " (read-only)" : "")), at: 0)
        return lines
    }

    /// A session read back from its files, ready to switch to.
    struct OpenedSession {
        var workspace: Workspace
        var notices: [StyledLine]
        /// Whether the journal already starts with its header.
        var journalHasHeader: Bool
        /// Whether the journal must be written anew (a torn or damaged tail was dropped).
        var rewriteJournal: Bool
    }

    /// Reads, locks and replays a session.
    func openSession(at location: SessionLocation) throws(ShellError) -> OpenedSession {
        let store = host.store
        let stored: StoredSession
        do { stored = try store.read(location) } catch { throw ShellError("cannot open \(location.name): \(error.message)") }
        var session: Session
        var notices: [StyledLine] = []
        var lines = stored.journal[...]
        if let snapshot = stored.snapshot {
            do {
                var repairs: [String] = []
                session = try SessionDocument.decode(snapshot, repairs: &repairs)
                notices += repairs.map { StyledLine("repaired \($0)", .warning) }
            } catch {
                throw ShellError("cannot open \(location.displayPath): \(error.message); the file was left untouched")
            }
        } else {
            guard let first = lines.first, case .header(let header)? = try? JournalCodec.decode(first) else {
                throw ShellError("no session \(location.name) (\(location.displayPath)); sessions lists the saved ones")
            }
            session = Session(analyst: header.analyst, created: header.created)
        }
        var hasHeader = false
        if let first = lines.first, case .header? = try? JournalCodec.decode(first) {
            lines = lines.dropFirst()
            hasHeader = true
        }

        var workspace = Workspace(session: session, analyst: self.workspace.analyst, clock: self.workspace.clock)
        workspace.location = location
        do {
            switch try store.lock(location) {
            case .acquired: break
            case .tookOver(let previous): notices.append(StyledLine("took over a stale lock left by \(previous)", .dim))
            case .heldBy(let holder):
                workspace.readOnlyReason = "being edited by \(holder)"
                notices.append(StyledLine("\(location.displayPath) is being edited by \(holder); opened read-only", .warning))
            }
        } catch {
            // Nothing can be written beside the session (a read-only folder): say so now, not at the first change.
            workspace.readOnlyReason = "cannot write beside it: \(error.message)"
            notices.append(StyledLine("\(location.displayPath) opened read-only: cannot write beside it (\(error.message)); save NAME.json elsewhere to edit a copy", .warning))
        }

        var recovered = 0
        var damagedAt: Int? = nil
        for (index, line) in lines.enumerated() {
            let entry = try? JournalCodec.decode(line)
            if case .header? = entry { continue }
            guard case .change(let change)? = entry else {
                damagedAt = index + (hasHeader ? 2 : 1)
                break
            }
            if changesSomething(change, in: workspace.session) { recovered += 1 }
            workspace.replay(change)
        }
        if recovered > 0 {
            notices.append(StyledLine("recovered \(count(recovered, "change")) from the journal; save to keep them in the session file", .notice))
        } else if !lines.isEmpty && damagedAt == nil {
            workspace.markSaved()
        }
        if stored.tornTail {
            notices.append(StyledLine("warning: the journal's last line was cut off (an interrupted write); it was dropped", .warning))
        }
        if let damagedAt {
            let aside = workspace.readOnlyReason == nil ? store.quarantineJournal(at: location) : nil
            notices.append(StyledLine("warning: the journal is damaged at line \(damagedAt); changes before it were recovered"
                                      + (aside.map { ", the journal was kept as \($0)" } ?? ""), .warning))
        }
        workspace.fixActiveArticle()
        let rewrite = (stored.tornTail || damagedAt != nil) && workspace.readOnlyReason == nil
        return OpenedSession(workspace: workspace, notices: notices, journalHasHeader: hasHeader, rewriteJournal: rewrite)
    }

    /// Switches to an opened session and makes its journal whole again if recovery dropped a tail.
    func adopt(_ opened: OpenedSession) {
        workspace = opened.workspace
        journalBroken = nil
        journalStarted = opened.journalHasHeader
        guard opened.rewriteJournal, let location = workspace.location else { return }
        let lines = [JournalCodec.encode(journalHeader)] + workspace.undoStack.map(JournalCodec.encode)
        do {
            try host.store.replaceJournal(lines, at: location)
            journalStarted = true
        } catch {
            journalBroken = error.message
            pendingNotices.append(StyledLine("warning: could not rewrite the journal (\(error.message)); save to keep your work", .warning))
        }
    }

    /// Whether replaying a change would alter the session (false for one already in the snapshot).
    func changesSomething(_ change: Change, in session: Session) -> Bool {
        change.edits.contains { edit in
            switch edit.key {
            case .id(let id): return session.record(id) != edit.after
            case .taxonomy: return edit.after != .taxonomy(session.taxonomy)
            case .settings: return edit.after != .settings(session.settings)
            }
        }
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

    func sessionsList() throws(ShellError) -> [StyledLine] {
        let listings: [SessionListing]
        do { listings = try host.store.list() } catch { throw ShellError("cannot list sessions: \(error.message)") }
        guard !listings.isEmpty else { return ["no saved sessions yet; save one with save NAME"] }
        let width = listings.map(\.location.name.count).max() ?? 0
        return listings.map { listing in
            let current = listing.location.key == workspace.location?.key
            var line = StyledLine(current ? "* " : "  ", .strong)
            line.append(listing.location.name.padding(toLength: width + 2, withPad: " ", startingAt: 0), .strong)
            if listing.location.isUnsaved {
                line.append("unsaved", .warning)
            } else {
                line.append(listing.location.displayPath, .dim)
                line.append("  \(Self.size(listing.bytes))", .dim)
            }
            if let modified = listing.modified {
                line.append("  " + Timestamp(modified).description, .dim)
            }
            if listing.pendingChanges > 0 { line.append("  \(count(listing.pendingChanges, "change")) in the journal", .notice) }
            if let holder = listing.heldBy, !current { line.append("  open in \(holder)", .warning) }
            return line
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    func status() -> [StyledLine] {
        let s = workspace.session
        var lines: [StyledLine] = []
        var first = StyledLine("session   ") + StyledLine(workspace.location?.name ?? "untitled", .strong)
        if let location = workspace.location, !location.isUnsaved { first.append("  " + location.displayPath, .dim) }
        if let reason = workspace.readOnlyReason { first.append("  read-only: " + reason, .warning) }
        lines.append(first)
        lines.append(StyledLine("analyst   \(workspace.analyst)"))
        if let article = workspace.article {
            lines.append(StyledLine("articles  \(s.articles.count), active \(article.id) \"\(article.title)\""))
        } else {
            lines.append(StyledLine("articles  \(s.articles.count)"))
        }
        lines.append(StyledLine("counts    \(count(s.sources.count, "source")), \(count(s.claims.count, "claim")), "
                                + "\(count(s.mentions.count, "mention")), \(count(s.propositions.count, "proposition")), "
                                + "\(count(s.stances.count, "stance")), \(count(s.relations.count, "relation"))"))
        if workspace.unsavedChanges == 0 {
            lines.append(StyledLine("changes   all saved"))
        } else {
            let kept = journalBroken == nil ? "kept in the journal" : "NOT journalled: save now"
            lines.append(StyledLine("changes   \(count(workspace.unsavedChanges, "unsaved change")) (\(kept))",
                                    journalBroken == nil ? .plain : .warning))
        }
        lines.append(StyledLine("history   \(count(workspace.undoStack.count, "step")) to undo, \(workspace.redoStack.count) to redo", .dim))
        return lines
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

    func taxonomyLoad(_ path: String) throws(ShellError) -> [StyledLine] {
        let data: Data
        do { data = try host.readFile(path) } catch { throw ShellError("cannot read \(path): \(error.message)") }
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let object) = json else {
            throw ShellError("\(path) is not a JSON object; see docs/taxonomy.md for the shape")
        }
        var taxonomy = workspace.session.taxonomy
        let known = Taxonomy.Facet.allCases.map(\.key)
        for key in object.keys where !known.contains(key) {
            let hint = Suggestion.closest(to: key, in: known).map { "did you mean \($0)? " } ?? ""
            throw ShellError("\(path): unknown key \"\(key)\"; \(hint)keys are \(known.joined(separator: ", "))")
        }
        for facet in Taxonomy.Facet.allCases {
            guard let value = object[facet.key] else { continue }
            guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
                throw ShellError("\(path): \"\(facet.key)\" must be an array of strings")
            }
            let labels = items.compactMap(\.stringValue)
            switch facet {
            case .sourceKind: taxonomy.sourceKinds = labels
            case .claimKind: taxonomy.claimKinds = labels
            case .verdict: taxonomy.verdicts = labels
            case .stanceLabel: taxonomy.stanceLabels = labels
            case .relationType: taxonomy.relationTypes = labels
            }
        }
        do { try taxonomy.validate() } catch { throw ShellError("\(path): \(error.message)") }
        if let (id, facet, label) = firstLabelOutside(taxonomy) {
            throw ShellError("\(id) uses the \(facet.rawValue) \"\(label)\", which \(path) lacks; add it to the file or change \(id) first")
        }
        guard taxonomy != workspace.session.taxonomy else { return ["the taxonomy is unchanged"] }
        try commit("taxonomy load", [Change.Edit(before: .taxonomy(workspace.session.taxonomy), after: .taxonomy(taxonomy))])
        return [StyledLine("Loaded the taxonomy from \(path)")] + taxonomyShow()
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
