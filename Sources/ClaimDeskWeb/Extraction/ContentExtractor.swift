import ClaimDeskCore

/// Finds the article body among a page's text blocks.
///
/// Each block gets a weight: long, sentence-like text with few links counts for its length,
/// link lists and short unpunctuated lines (menus, "Advertisement") count against. Every
/// element gets the sum of the weights below it, and the element with the highest sum is the
/// body. This is Readability's parent scoring made exact: a sibling part of the story lifts
/// the common parent above either part (sibling merging), while a sibling of links or teasers
/// pulls the parent down, so the choice needs no thresholds on siblings. Inside the body,
/// blocks that are still furniture (link lists, share prompts, bylines, bare dates, trailing
/// headings) are dropped one by one.
struct ContentExtractor {
    /// The body's paragraphs, in order, and the blocks dropped as bylines (for the metadata).
    var paragraphs: [String] = []
    var bylineLines: [String] = []
    var datelineLines: [String] = []

    init(_ root: HTMLElement, title: String?) {
        let collector = BlockCollector(root)
        let blocks = collector.blocks
        var articleHinted = Set<ObjectIdentifier>()
        root.descendants { element in
            if BoilerplateHints.isArticleBody(element) { articleHinted.insert(ObjectIdentifier(element)) }
        }
        var sums: [ObjectIdentifier: Double] = [:]
        for block in blocks {
            let weight = Self.weight(block)
            if weight == 0 { continue }
            for ancestor in block.ancestors { sums[ancestor, default: 0] += weight }
        }
        var best: ObjectIdentifier?
        var bestScore = -Double.infinity
        // Ancestors are visited outermost first, so among equal scores the outermost wins: same text, fewer cuts.
        var seen = Set<ObjectIdentifier>()
        for block in blocks {
            for ancestor in block.ancestors where seen.insert(ancestor).inserted {
                var score = sums[ancestor] ?? 0
                if score > 0, articleHinted.contains(ancestor) { score *= 1.15 }
                if score > bestScore { bestScore = score; best = ancestor }
            }
        }
        guard let best else { return }
        let titleKey = title.map(Self.key)
        var kept: [TextBlock] = []
        var reachedBody = false
        for block in blocks {
            let inBody = block.ancestors.contains(best)
            if inBody { reachedBody = true }
            // Bylines and date lines count up to the body's end, also just above it (a header the body excludes).
            if !inBody && reachedBody { continue }
            if let line = Self.byline(block) { bylineLines.append(line); continue }
            if Self.isDateline(block) { datelineLines.append(block.text); continue }
            if !inBody { continue }
            if block.isHeading, Self.key(block.text) == titleKey { continue }
            if case .heading(level: 1) = block.kind, kept.isEmpty { continue }
            if Self.isFurniture(block) { continue }
            if let last = kept.last, last.text == block.text { continue }
            kept.append(block)
        }
        // A heading with nothing after it ("Comments", "More on this story") is not the story's.
        while let last = kept.last, last.isHeading { kept.removeLast() }
        paragraphs = kept.map(\.text)
    }

    static func weight(_ block: TextBlock) -> Double {
        if block.isHeading { return 0 }
        let length = Double(block.length)
        if block.linkDensity > 0.5 { return -length }
        if block.length >= 40, block.linkDensity < 0.35, block.endsLikeSentence || block.length >= 100 {
            return length
        }
        if block.endsLikeSentence, block.linkDensity < 0.35 { return length / 2 }
        if block.length < 40 { return -length / 2 }
        return 0
    }

    /// Share prompts, ad labels, link lists and copyright lines left inside the body.
    static func isFurniture(_ block: TextBlock) -> Bool {
        if block.linkDensity > 0.5 { return true }
        guard block.length < 400 else { return false }
        let lower = block.text.lowercased()
        if isConsentNotice(lower) { return true }
        guard block.length < 90 else { return false }
        // A time stamp, a counter, a separator: no letters at all.
        if block.length < 24, !block.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return true }
        for phrase in furniturePhrases where lower.hasPrefix(phrase) { return true }
        if lower.hasPrefix("©") || lower.hasPrefix("copyright") || ASCIISearch.contains(lower, "all rights reserved") { return true }
        return false
    }

    /// A cookie or consent banner's text, whatever its markup ("We use cookies … you agree …").
    static func isConsentNotice(_ lower: String) -> Bool {
        ASCIISearch.contains(lower, "cookie")
            && ["we use", "agree", "accept", "consent", "privacy"].contains { ASCIISearch.contains(lower, $0) }
    }

    static let furniturePhrases = [
        "advertisement", "advertising", "skip to", "sign up", "subscribe", "share this", "share on", "share:",
        "read more", "read next", "related:", "related coverage", "more:", "follow us", "click here",
        "photo:", "image:", "watch:", "listen:", "continue reading", "this article is for subscribers",
        "already a subscriber", "log in", "sponsored", "recommended", "most read", "you may also like",
        "we use cookies", "accept cookies", "cookie", "loading", "leave a comment", "comments",
    ]

    /// "By Jane Doe and John Roe" (a line of its own) → the names part.
    static func byline(_ block: TextBlock) -> String? {
        guard block.length < 120, !block.isHeading else { return nil }
        let text = block.text
        for prefix in ["By ", "BY ", "by ", "Written by ", "Words by ", "From "] where text.hasPrefix(prefix) {
            let rest = String(text.dropFirst(prefix.count))
            // A real sentence ("By the end of the week, …", "By Monday, officials had …") is longer and ends like one.
            if rest.first?.isUppercase != true { return nil }
            if block.endsLikeSentence && rest.split(separator: " ").count > 6 { return nil }
            if prefix == "From " && !rest.contains(",") { return nil }
            if rest.split(separator: " ").count > 14 { return nil }
            return rest
        }
        return nil
    }

    /// A line that only says when: "Published March 23, 2020", "Updated 10:04 a.m. ET".
    static func isDateline(_ block: TextBlock) -> Bool {
        guard block.length < 80, !block.endsLikeSentence || block.text.hasSuffix(".") && block.length < 40 else { return false }
        let lower = block.text.lowercased()
        if lower.hasPrefix("published") || lower.hasPrefix("updated") || lower.hasPrefix("posted")
            || lower.hasPrefix("last updated") || lower.hasPrefix("first published") { return true }
        return PublicationDate.find(in: block.text) != nil && block.length < 45
    }

    /// Text compared without case, punctuation or spacing.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
