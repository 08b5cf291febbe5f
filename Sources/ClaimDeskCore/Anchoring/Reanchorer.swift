/// Finds where anchors made on an older version of a text belong in a new one.
///
/// Build one per new text (the folding, symbol table and gram index are made
/// once) and ask it for as many anchors as needed. The search goes:
///
/// 1. the old position, if the quote is still there and its context agrees;
/// 2. every exact occurrence of the quote, judged by prefix and suffix
///    similarity and distance from the expected position, so context can
///    outvote a look-alike;
/// 3. approximate matches found with a bit-parallel matcher (near the
///    expected place first, then everywhere), their span fitted to the stored
///    context by alignment and scored;
/// 4. otherwise the anchor is orphaned, never guessed: see ``ReanchorPolicy``.
public struct Reanchorer: Sendable {
    let text: AnchoringText
    /// Whether searches of the whole text first rule out, by exact pieces or gram counts, the
    /// places where the quote cannot be. Off only to check that against a scan of everything.
    var filtersWholeText = true

    /// Offsets are code points of `text` exactly as given (no normalisation).
    public init(text: String) {
        self.text = AnchoringText(scalars: Array(text.unicodeScalars))
    }

    public init(scalars: [Unicode.Scalar]) {
        self.text = AnchoringText(scalars: scalars)
    }

    /// The new text's length in code points.
    public var count: Int { text.scalars.count }

    // MARK: Public API

    /// Where the anchor (old `start..<end`, quote and context) belongs now.
    public func locate(start: Int?, end: Int?, exact: String, prefix: String, suffix: String) -> AnchorResolution {
        locate(AnchorQuery(start: start, end: end, exact: exact, prefix: prefix, suffix: suffix))
    }

    /// Where the anchor belongs now. `hint` is where it is expected to start in
    /// the new text (defaults to its old start); it only breaks ties.
    public func locate(_ query: AnchorQuery, hint: Int? = nil) -> AnchorResolution {
        locate(query, hint: hint, pass: .alone)
    }

    /// How a search is run: on its own, as the first pass of ``locateAll(_:)`` (no search of the
    /// whole text yet: what this pass does not settle gets a second one), or as the second pass,
    /// whose hint comes from neighbouring anchors, so an edited look-alike far from it needs
    /// stronger evidence (``ReanchorPolicy/farDistance``) and only close matches are searched for far away.
    enum Pass { case alone, first, second }

    func locate(_ query: AnchorQuery, hint: Int?, pass: Pass, map: DisplacementMap? = nil) -> AnchorResolution {
        let quote = FoldedText.units(of: query.exact)
        guard !quote.isEmpty else { return .orphaned(.emptyQuote) }
        let prefix = FoldedText.units(of: query.prefix).suffix(Self.maxContext)
        let suffix = FoldedText.units(of: query.suffix).prefix(Self.maxContext)
        let n = count
        var oldRange: Range<Int>?
        if let s = query.start, let e = query.end, s >= 0, e >= s, e <= n { oldRange = s..<e }
        let expected = (hint ?? query.start).map { folded(offset: $0) }
        let job = Job(quote: quote, prefix: Array(prefix), suffix: Array(suffix), expected: expected,
                      expectedIsReliable: pass == .second && hint != nil,
                      prefixPattern: prefix.isEmpty ? nil : text.pattern(prefix.reversed()),
                      suffixPattern: suffix.isEmpty ? nil : text.pattern(suffix),
                      oldRange: query.start.flatMap { s in query.end.map { e in s..<max(s, e) } },
                      map: map?.isEmpty == false ? map : nil)
        // With the neighbours' hint, an unchanged quote away from it may be a copy while the
        // original, edited, stands at the hint: it is compared with what is found there first.
        let nearHint = max(ReanchorPolicy.shiftTolerance, quote.count)

        // 1. Still at the old position?
        if let r = oldRange, pass != .second || distance(folded(offset: r.lowerBound), job) <= nearHint {
            let span = text.window(from: folded(offset: r.lowerBound), to: folded(offset: r.upperBound))
            if text.units[span].elementsEqual(quote) {
                let c = evaluateExact(span, job)
                if ReanchorPolicy.acceptsAtOldPosition(context: c.context, quoteLength: quote.count) {
                    return .exact(r)
                }
            }
        }

        // 2. The quote elsewhere, unchanged.
        var candidates = mostLikely(text.occurrences(of: quote), job).map { evaluateExact($0..<($0 + quote.count), job) }
        if let best = candidates.max(by: { $0.score < $1.score }), (best.context ?? 1) >= ReanchorPolicy.strongContext,
           !best.far, accepted(best, job), pass != .second || best.distance <= nearHint {
            return decide(candidates, job, oldRange: oldRange)
        }

        // 3. Edited versions of the quote: near the expected place, then everywhere.
        let edges = contextEdges(job)
        let local = localRanges(job, edges: edges)
        if !local.isEmpty {
            merge(fuzzyCandidates(job, in: local, globalRate: nil), into: &candidates)
            merge(bracketedCandidates(job, edges: edges), into: &candidates)
            let exactAccepted = candidates.contains { $0.exactQuote && !$0.far && accepted($0, job) }
            if let best = candidates.max(by: { $0.score < $1.score }), exactAccepted
                || (best.score >= ReanchorPolicy.strongScore && (best.context ?? 0) >= ReanchorPolicy.strongContext
                    && accepted(best, job)) {
                return decide(candidates, job, oldRange: oldRange)
            }
        }
        if pass == .first { return .orphaned(.notFound) }
        // An unchanged quote far from the hint (a moved paragraph) needs no search for edited ones.
        if pass == .second, candidates.contains(where: { $0.exactQuote && accepted($0, job) && !isOtherText($0, job) }) {
            return decide(candidates, job, oldRange: oldRange)
        }
        let rate = pass == .second ? ReanchorPolicy.farErrorRate : ReanchorPolicy.globalErrorRate
        merge(fuzzyCandidates(job, in: [0..<text.count], globalRate: rate), into: &candidates)
        return decide(candidates, job, oldRange: oldRange)
    }

    /// Locates many anchors on this text. Anchors whose quote was not found
    /// unchanged, or was found where neither neighbour's shift agrees, are tried
    /// again with a better expected position: their old start shifted as much as
    /// that of the nearest anchor (by old start) whose quote was found unchanged.
    /// Then candidates far from that position lose a little score (a copy of a
    /// sentence elsewhere loses to the edited original in place), and an edited
    /// look-alike far from it needs stronger evidence.
    public func locateAll(_ queries: [AnchorQuery]) -> [AnchorResolution] {
        var results = queries.map { locate($0, hint: nil, pass: .first) }
        // Shifts of the anchors whose quote was found unchanged, by old start.
        var found: [(index: Int, old: Int, shift: Int)] = []
        for (i, (q, r)) in zip(queries, results).enumerated() {
            guard let old = q.start else { continue }
            switch r {
            case .exact(let range), .moved(let range): found.append((i, old, range.lowerBound - old))
            default: continue
            }
        }
        found.sort { $0.old < $1.old }
        // An unchanged quote that moved with a few others from one sentence, while the anchors
        // around that sentence's old place moved otherwise and left room for it there, may be on a
        // copy (a pull quote) while the original, perhaps edited, still stands: look again with
        // the other anchors' hint, and do not take it as evidence of where text went.
        var recheck = Set<Int>()
        // Where every quote found unchanged went, short ones too (text moved away leaves room),
        // with the quote's index; in the order of `found`.
        let placed: [(index: Int, placement: DisplacementMap.Placement)] = found.compactMap { f in
            guard let end = queries[f.index].end, let range = results[f.index].range else { return nil }
            return (f.index, DisplacementMap.Placement(old: f.old..<max(f.old, end), new: range))
        }
        // Short quotes (a name, "the") can be placed by position alone: they are no evidence.
        func isEvidence(_ p: DisplacementMap.Placement) -> Bool { p.old.count >= ReanchorPolicy.evidenceQuoteLength }
        let moves = placed.map(\.placement)
        let copies = DisplacementMap(moves.filter(isEvidence), moves: moves)
        for (index, p) in placed {
            // Asked only of a passage found between its neighbours: does a long quote stand twice?
            let suspected = copies.isSuspectedCopy(old: p.old, new: p.new) {
                isEvidence(p) && text.occurrences(of: FoldedText.units(of: queries[index].exact), limit: 2).count >= 2
            }
            if suspected { recheck.insert(index) }
        }
        func placements() -> [DisplacementMap.Placement] {
            placed.compactMap { !recheck.contains($0.index) && isEvidence($0.placement) ? $0.placement : nil }
        }
        // An unchanged quote whose own place shrank (it was deleted there) and that lies on other old
        // text (a repetition of the deleted sentence) by what the anchors around both show is looked
        // at again, and its place is refused then. This comes before the vote below: several anchors
        // from one deleted sentence, all on its repetition, would otherwise outvote those that show it.
        let firstMap = DisplacementMap(placements(), moves: moves)
        for (index, p) in placed where !recheck.contains(index) {
            if firstMap.wasDeleted(p.old, leaving: p.new) { recheck.insert(index) }
        }
        // An unchanged quote whose shift disagrees with most of its nearest neighbours (by old
        // start) may be a copy, such as a pull quote, while the original was edited: look again
        // with the other neighbours' hint.
        let far = ReanchorPolicy.farDistance
        let voters = found.filter { !recheck.contains($0.index) }
        for k in voters.indices where voters.count >= 2 {
            let here = voters[k]
            let others = voters[max(0, k - 4)..<min(voters.count, k + 5)].filter { $0.index != here.index }
                .sorted { abs($0.old - here.old) < abs($1.old - here.old) }.prefix(4)
            let disagree = others.filter { abs($0.shift - here.shift) > far }.count
            if disagree * 4 >= 3 * others.count { recheck.insert(here.index) }
        }
        // The same for what the anchors left after the vote show, also with the placements close
        // around the quote alone.
        let secondMap = DisplacementMap(placements(), moves: moves)
        for (index, p) in placed where !recheck.contains(index) && isEvidence(p) {
            if secondMap.liesOnOtherText(p.new, for: p.old) { recheck.insert(index) }
        }
        let map = DisplacementMap(placements(), moves: moves)
        let shifts = found.filter { !recheck.contains($0.index) }.map { (old: $0.old, shift: $0.shift) }
        guard !shifts.isEmpty else {
            return zip(queries, results).map { q, r in
                switch r {
                case .exact, .moved, .orphaned(.emptyQuote): r
                default: locate(q)
                }
            }
        }
        for i in queries.indices {
            switch results[i] {
            case .exact, .moved: if !recheck.contains(i) { continue }
            case .orphaned(.emptyQuote): continue
            default: break
            }
            guard let old = queries[i].start else {
                results[i] = locate(queries[i])
                continue
            }
            let lo = BinarySearch.firstIndex(upTo: shifts.count) { shifts[$0].old < old }
            var nearest = shifts[min(lo, shifts.count - 1)]
            if lo > 0, abs(shifts[lo - 1].old - old) <= abs(nearest.old - old) { nearest = shifts[lo - 1] }
            results[i] = locate(queries[i], hint: max(0, min(count, old + nearest.shift)), pass: .second, map: map)
        }
        return results
    }

    /// Re-anchors a session anchor: on success its range, quote and context
    /// are taken from the new text (with ``Anchor/contextLength`` code points of
    /// context); an orphan keeps its old values and is marked `orphaned`.
    public func reanchor(_ anchor: Anchor) -> (anchor: Anchor, resolution: AnchorResolution) {
        reanchorAll([anchor])[0]
    }

    /// Re-anchors many session anchors on this text (see ``locateAll(_:)``).
    public func reanchorAll(_ anchors: [Anchor]) -> [(anchor: Anchor, resolution: AnchorResolution)] {
        let results = locateAll(anchors.map(AnchorQuery.init))
        return zip(anchors, results).map { anchor, resolution in
            var updated = anchor
            if let range = resolution.range {
                let q = selectors(for: range, contextLength: Anchor.contextLength)
                updated.start = range.lowerBound
                updated.end = range.upperBound
                updated.exact = q.exact
                updated.prefix = q.prefix
                updated.suffix = q.suffix
                updated.orphaned = nil
            } else {
                updated.orphaned = true
            }
            return (updated, resolution)
        }
    }

    /// The quote of `range` in the new text, with up to `contextLength` code points of context each side.
    public func selectors(for range: Range<Int>, contextLength: Int) -> (exact: String, prefix: String, suffix: String) {
        func slice(_ r: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text.scalars[r])
            return String(view)
        }
        let lower = max(0, min(range.lowerBound, count)), upper = max(lower, min(range.upperBound, count))
        return (slice(lower..<upper),
                slice(max(0, lower - contextLength)..<lower),
                slice(upper..<min(count, upper + contextLength)))
    }

    // MARK: Candidates

    /// Context beyond this many folded code points each side adds little and costs time.
    static let maxContext = 64

    struct Job {
        var quote: [UInt32]
        var prefix: [UInt32]
        var suffix: [UInt32]
        /// Expected folded start of the quote, if known.
        var expected: Int?
        /// Whether `expected` was derived from neighbouring anchors rather than the old offset.
        var expectedIsReliable: Bool
        /// The prefix reversed and the suffix, prepared for the bit-parallel matcher.
        var prefixPattern: BitParallelPattern?
        var suffixPattern: BitParallelPattern?
        /// The anchor's old range (code points of the old text), if it has one.
        var oldRange: Range<Int>?
        /// Where the neighbours placed with confidence went (second pass only).
        var map: DisplacementMap?
    }

    struct Candidate {
        /// Folded span of the quote in the new text.
        var span: Range<Int>
        var quoteSimilarity: Double
        /// Share of the quote that survives in runs (see ``SegmentAligner/Alignment/quoteKept``).
        var kept: Double = 1
        var prefixSimilarity: Double?
        var suffixSimilarity: Double?
        var exactQuote: Bool
        var distance: Int

        var context: Double? {
            switch (prefixSimilarity, suffixSimilarity) {
            case let (p?, s?): (p + s) / 2
            case let (p?, nil): p
            case let (nil, s?): s
            case (nil, nil): nil
            }
        }

        /// Set when the expected position is reliable and this candidate is far from it.
        var far = false

        var score: Double {
            ReanchorPolicy.score(quote: quoteSimilarity, prefix: prefixSimilarity, suffix: suffixSimilarity)
                - (far ? ReanchorPolicy.farPenalty : 0)
        }
    }

    /// The folded index of a source offset (clamped).
    func folded(offset: Int) -> Int {
        Int(text.folded.unitIndex[max(0, min(offset, count))])
    }

    private func distance(_ start: Int, _ job: Job) -> Int {
        job.expected.map { abs(start - $0) } ?? 0
    }

    private func isFar(_ start: Int, _ job: Job) -> Bool {
        job.expectedIsReliable && distance(start, job) > max(ReanchorPolicy.farDistance, 2 * job.quote.count)
    }

    private func accepted(_ c: Candidate, _ job: Job) -> Bool {
        let far = job.expectedIsReliable && c.distance > max(ReanchorPolicy.farDistance, 2 * job.quote.count)
        if !c.exactQuote && c.kept < ReanchorPolicy.minimumKept { return false }
        return ReanchorPolicy.accepts(quoteSimilarity: c.quoteSimilarity, context: c.context,
                                      quoteLength: job.quote.count, exactQuote: c.exactQuote, far: far)
    }

    /// Occurrences worth scoring. A quote as common as "the" can occur thousands of times; past
    /// `occurrenceLimit`, only those with the most context matching exactly right beside them,
    /// and those nearest the expected position, are scored in full.
    private func mostLikely(_ starts: [Int], _ job: Job) -> [Int] {
        guard starts.count > Self.occurrenceLimit else { return starts }
        let units = text.units, m = job.quote.count
        func run(_ s: Int) -> Int {
            var n = 0
            while n < job.prefix.count, s - n - 1 >= 0, units[s - n - 1] == job.prefix[job.prefix.count - 1 - n] { n += 1 }
            var k = 0
            while k < job.suffix.count, s + m + k < units.count, units[s + m + k] == job.suffix[k] { k += 1 }
            return n + k
        }
        var keep = Set(starts.map { ($0, run($0)) }.sorted { $0.1 > $1.1 }.prefix(Self.occurrenceLimit / 2).map(\.0))
        if job.expected != nil {
            keep.formUnion(starts.sorted { distance($0, job) < distance($1, job) }.prefix(8))
        }
        return keep.sorted()
    }

    static let occurrenceLimit = 64
    /// At most this many approximate places are fitted per search.
    static let fitLimit = 10

    /// An exact occurrence, judged by how well the stored context fits around it.
    private func evaluateExact(_ span: Range<Int>, _ job: Job) -> Candidate {
        Candidate(span: span, quoteSimilarity: 1,
                  prefixSimilarity: job.prefix.isEmpty ? nil : 1 - Double(prefixErrors(job, endingAt: span.lowerBound)) / Double(job.prefix.count),
                  suffixSimilarity: job.suffix.isEmpty ? nil : 1 - Double(suffixErrors(job, startingAt: span.upperBound)) / Double(job.suffix.count),
                  exactQuote: true, distance: distance(span.lowerBound, job), far: isFar(span.lowerBound, job))
    }

    /// Edits between the prefix and the text just before `end` (the prefix must end exactly there).
    private func prefixErrors(_ job: Job, endingAt end: Int) -> Int {
        let units = text.units, p = job.prefix.count
        if end >= p, units[(end - p)..<end].elementsEqual(job.prefix) { return 0 }
        let width = min(end, p + p / 2 + 4)
        guard width > 0, let pattern = job.prefixPattern else { return p }
        return BitParallelMatcher.anchoredDistance(pattern, in: text.symbols, from: end - 1, step: -1, limit: width)
    }

    /// Edits between the suffix and the text just after `start` (the suffix must start exactly there).
    private func suffixErrors(_ job: Job, startingAt start: Int) -> Int {
        let units = text.units, s = job.suffix.count
        if start + s <= units.count, units[start..<(start + s)].elementsEqual(job.suffix) { return 0 }
        let width = min(units.count - start, s + s / 2 + 4)
        guard width > 0, let pattern = job.suffixPattern else { return s }
        return BitParallelMatcher.anchoredDistance(pattern, in: text.symbols, from: start, step: 1, limit: width)
    }

    /// Where the end of the prefix and the start of the suffix occur exactly (a few of each).
    private func contextEdges(_ job: Job) -> (afterPrefix: [Int], beforeSuffix: [Int]) {
        let tail = Array(job.prefix.suffix(16)), head = Array(job.suffix.prefix(16))
        return (tail.count >= 8 ? text.occurrences(of: tail, limit: 4).map { $0 + tail.count } : [],
                head.count >= 8 ? text.occurrences(of: head, limit: 4) : [])
    }

    /// Windows near where the quote is expected: around the old position and
    /// right after / before exact occurrences of the end of the prefix / start of the suffix.
    private func localRanges(_ job: Job, edges: (afterPrefix: [Int], beforeSuffix: [Int])) -> [Range<Int>] {
        let m = job.quote.count
        let reach = m + job.prefix.count + job.suffix.count + 64
        var ranges: [Range<Int>] = []
        func add(_ center: Int) {
            let window = text.window(from: center - reach, to: center + m + reach)
            if !window.isEmpty { ranges.append(window) }
        }
        if let e = job.expected { add(e) }
        for at in edges.afterPrefix { add(at) }
        for at in edges.beforeSuffix { add(at - m) }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// A piece of prefix + quote + suffix searched for with the bit-parallel matcher.
    private struct Probe {
        var units: [UInt32]
        /// Where the quote starts relative to the probe's start (negative when the probe starts inside the quote).
        var quoteOffset: Int
        var maxErrors: Int
    }

    private func probes(_ job: Job, globalRate: Double?) -> [Probe] {
        let q = job.quote, m = q.count
        // Far from the expected place only close matches can be accepted, so the bound is tighter.
        let rate = globalRate ?? ReanchorPolicy.localErrorRate
        var probes: [Probe] = []
        if m >= 8 {
            if m <= 64 {
                probes.append(Probe(units: q, quoteOffset: 0, maxErrors: Int(Double(m) * rate)))
            } else {
                let k = Int(64 * rate)
                probes.append(Probe(units: Array(q[0..<64]), quoteOffset: 0, maxErrors: k))
                probes.append(Probe(units: Array(q[(m - 64)..<m]), quoteOffset: -(m - 64), maxErrors: k))
                if m >= 192 {
                    probes.append(Probe(units: Array(q[(m / 2 - 32)..<(m / 2 + 32)]), quoteOffset: -(m / 2 - 32), maxErrors: k))
                }
            }
        }
        if m < 40, !(job.prefix.isEmpty && job.suffix.isEmpty) {
            // The quote with as much context as fits in one machine word, split between the sides.
            let room = 64 - m
            var before = min(job.prefix.count, room / 2), after = min(job.suffix.count, room - before)
            before = min(job.prefix.count, room - after)
            after = min(job.suffix.count, room - before)
            let units = Array(job.prefix.suffix(before)) + q + Array(job.suffix.prefix(after))
            probes.append(Probe(units: units, quoteOffset: before, maxErrors: Int(Double(units.count) * min(rate, 0.35))))
        }
        return probes
    }

    /// Where a probe can match within `maxErrors` in the whole text. Split into `maxErrors + 1`
    /// pieces, any such match contains one piece unchanged (pigeonhole), so scanning around
    /// the exact occurrences of the pieces finds every match a full scan would. Nil when the
    /// pieces are too short to look up, or too common to save anything: scan everything.
    private func pigeonholeWindows(_ probe: Probe) -> [Range<Int>]? {
        let n = probe.units.count, k = probe.maxErrors
        let pieceLength = n / (k + 1)
        guard pieceLength >= AnchoringText.gramLength else { return nil }
        var windows: [Range<Int>] = []
        var covered = 0
        for piece in 0...k {
            let from = piece * pieceLength
            let to = piece == k ? n : from + pieceLength
            let found = text.occurrences(of: Array(probe.units[from..<to]), limit: Self.pieceLimit)
            // Past the limit the list is cut short, and a match around an occurrence left out would be missed.
            if found.count >= Self.pieceLimit { return nil }
            for at in found {
                let start = at - from
                windows.append(text.window(from: start - k, to: start + n + k))
                covered += n + 2 * k
                if covered > text.count / 2 { return nil }
            }
        }
        windows.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for w in windows {
            if let last = merged.last, w.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, w.upperBound)
            } else {
                merged.append(w)
            }
        }
        return merged
    }

    /// Occurrences of one piece beyond which the pigeonhole windows are not worth building.
    static let pieceLimit = 2048

    /// Where a probe can match in the whole text: where enough of its grams occur (``QGramFilter``),
    /// else around exact occurrences of its pieces. Nil when neither rules out enough: scan it all.
    ///
    /// The gram counts come first: their windows are typically a few thousand units where the
    /// pieces' (short, so common) occurrences leave a third of the text to scan.
    private func wholeTextWindows(_ probe: Probe) -> [Range<Int>]? {
        guard filtersWholeText else { return nil }
        return QGramFilter.windows(for: probe.units, maxErrors: probe.maxErrors, in: text) ?? pigeonholeWindows(probe)
    }

    /// Approximate candidates within `ranges`, each fitted and scored.
    private func fuzzyCandidates(_ job: Job, in ranges: [Range<Int>], globalRate: Double?) -> [Candidate] {
        let global = globalRate != nil
        var starts: [(start: Int, errors: Int)] = []
        for probe in probes(job, globalRate: globalRate) {
            let pattern = text.pattern(probe.units)
            var hits: [(end: Int, errors: Int)] = []
            for range in (global ? wholeTextWindows(probe) : nil) ?? ranges {
                var runEnd = -2, runBest = (end: 0, errors: Int.max)
                BitParallelMatcher.search(pattern, in: text.symbols, range: range, maxErrors: probe.maxErrors) { end, errors in
                    if end != runEnd + 1, runBest.errors != Int.max {
                        hits.append(runBest)
                        runBest = (0, Int.max)
                    }
                    if errors < runBest.errors { runBest = (end, errors) }
                    runEnd = end
                }
                if runBest.errors != Int.max { hits.append(runBest) }
            }
            // The best few, nearest first among equals.
            hits.sort { a, b in
                a.errors != b.errors ? a.errors < b.errors : distance(a.end, job) < distance(b.end, job)
            }
            for hit in hits.prefix(8) {
                starts.append((hit.end - probe.units.count + probe.quoteOffset, hit.errors))
            }
        }
        // Fit the most promising places only: a place several probes agree on is fitted once,
        // and a candidate's fitted span already covers any start within a few units of it.
        var candidates: [Candidate] = []
        var fitted: [Int] = []
        for (start, errors) in starts.sorted(by: { $0.errors < $1.errors }) {
            guard fitted.count < Self.fitLimit, !fitted.contains(where: { abs($0 - start) <= 8 }),
                  !candidates.contains(where: { $0.span.contains(start) }) else { continue }
            fitted.append(start)
            if let c = fit(job, near: start, errors: errors) { merge([c], into: &candidates) }
        }
        return candidates
    }

    /// Candidates right after an exact occurrence of the prefix's end, or right before one of
    /// the suffix's start: the quote was edited there, perhaps beyond what the matcher allows
    /// (a clause inserted into it), while one side of it stands. The alignment finds its extent.
    private func bracketedCandidates(_ job: Job, edges: (afterPrefix: [Int], beforeSuffix: [Int])) -> [Candidate] {
        let m = job.quote.count
        var out: [Candidate] = []
        for a in edges.afterPrefix {
            let b = edges.beforeSuffix.first { $0 >= a && $0 - a <= 2 * m + 16 }
            if let c = fit(job, near: a, errors: m / 2, length: b.map { $0 - a } ?? 2 * m) { out.append(c) }
        }
        for b in edges.beforeSuffix where !edges.afterPrefix.contains(where: { b >= $0 && b - $0 <= 2 * m + 16 }) {
            let a = max(0, b - 2 * m)
            if let c = fit(job, near: a, errors: m / 2, length: b - a) { out.append(c) }
        }
        return out
    }

    /// Fits the quote's span around an estimated start by aligning it with its context.
    private func fit(_ job: Job, near start: Int, errors: Int, length: Int? = nil) -> Candidate? {
        let m = job.quote.count, p = job.prefix.count, s = job.suffix.count
        let pad = errors + 8 + m / 8
        let units = text.units
        let quote = job.quote[...]
        let span: Range<Int>
        var prefixErrors = 0, suffixErrors = 0, quoteErrors = 0, quoteInsertions = 0
        var kept = 0
        if m <= 96 {
            let window = text.window(from: start - p - pad, to: start + max(m, length ?? 0) + s + pad)
            guard let a = SegmentAligner.align(prefix: job.prefix[...], quote: quote, suffix: job.suffix[...],
                                               text: units, window: window) else { return nil }
            span = a.quote
            (prefixErrors, quoteErrors, suffixErrors) = (a.prefixErrors, a.quoteErrors, a.suffixErrors)
            quoteInsertions = a.quoteInsertions
            kept = a.quoteKept
        } else {
            // Long quote: fit each end on its own, then count the edits in between.
            let edge = 48, drift = pad + m * 2 / 5
            let headWindow = text.window(from: start - p - drift, to: start + edge + drift)
            let len = length ?? m
            let tailWindow = text.window(from: start + len - edge - drift, to: start + len + s + drift)
            guard let head = SegmentAligner.align(prefix: job.prefix[...], quote: quote.prefix(edge), suffix: [],
                                                  text: units, window: headWindow),
                  let tail = SegmentAligner.align(prefix: [], quote: quote.suffix(edge), suffix: job.suffix[...],
                                                  text: units, window: tailWindow) else { return nil }
            guard head.quote.lowerBound < tail.quote.upperBound,
                  tail.quote.upperBound - head.quote.lowerBound <= 2 * m else { return nil }
            span = head.quote.lowerBound..<tail.quote.upperBound
            prefixErrors = head.prefixErrors
            suffixErrors = tail.suffixErrors
            quoteErrors = BitParallelMatcher.distance(text.pattern(job.quote), to: text.symbols, range: span)
            kept = max(0, m - quoteErrors)  // long quotes: edits bound what can have survived
        }
        guard !span.isEmpty, span.count <= 2 * m + 16 else { return nil }
        let exact = units[span].elementsEqual(job.quote)
        // Text inserted into the quote weighs a quarter: everything the annotation quoted is still there.
        let weighted = Double(quoteErrors - quoteInsertions) + Double(quoteInsertions) * ReanchorPolicy.insertionWeight
        return Candidate(span: span, quoteSimilarity: max(0, 1 - weighted / Double(m)), kept: Double(kept) / Double(m),
                         prefixSimilarity: p == 0 ? nil : max(0, 1 - Double(prefixErrors) / Double(p)),
                         suffixSimilarity: s == 0 ? nil : max(0, 1 - Double(suffixErrors) / Double(s)),
                         exactQuote: exact, distance: distance(span.lowerBound, job), far: isFar(span.lowerBound, job))
    }

    /// Adds candidates, keeping the better of two that overlap.
    private func merge(_ new: [Candidate], into candidates: inout [Candidate]) {
        for c in new {
            if let i = candidates.firstIndex(where: { $0.span.overlaps(c.span) || $0.span == c.span }) {
                if c.score > candidates[i].score { candidates[i] = c }
            } else {
                candidates.append(c)
            }
        }
    }

    // MARK: Decision

    /// Whether the candidate lies on text that the neighbours show was already there, elsewhere
    /// in the old text (see ``DisplacementMap``).
    private func isOtherText(_ c: Candidate, _ job: Job) -> Bool {
        guard let map = job.map, let old = job.oldRange else { return false }
        return map.liesOnOtherText(text.folded.sourceRange(c.span), for: old)
    }

    private func decide(_ all: [Candidate], _ job: Job, oldRange: Range<Int>?) -> AnchorResolution {
        guard !all.isEmpty else { return .orphaned(.notFound) }
        let candidates = all.filter { !isOtherText($0, job) }
        guard !candidates.isEmpty else { return .orphaned(.otherText) }
        let ranked = candidates.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.distance < b.distance
        }
        guard let bestIndex = ranked.firstIndex(where: { accepted($0, job) }) else {
            return .orphaned(.weakMatch(score: AnchorResolution.rounded(ranked[0].score)))
        }
        var best = ranked[bestIndex]
        // Rivals: other places that score about as well (accepted or not).
        let rivals = ranked.filter { !$0.span.overlaps(best.span) && $0.span != best.span
            && $0.score >= best.score - ReanchorPolicy.ambiguityMargin }
        if !rivals.isEmpty {
            guard job.expected != nil else { return .orphaned(.ambiguous(candidates: rivals.count + 1)) }
            let contenders = ([best] + rivals).sorted { $0.distance < $1.distance }
            let nearest = contenders[0], next = contenders[1]
            guard nearest.distance * ReanchorPolicy.positionRatio + ReanchorPolicy.positionSlack <= next.distance,
                  accepted(nearest, job) else {
                return .orphaned(.ambiguous(candidates: contenders.count))
            }
            best = nearest
        }
        let range = text.folded.sourceRange(best.span)
        if best.exactQuote {
            return range == oldRange ? .exact(range) : .moved(range)
        }
        return .fuzzy(range, score: AnchorResolution.rounded(best.score))
    }
}
