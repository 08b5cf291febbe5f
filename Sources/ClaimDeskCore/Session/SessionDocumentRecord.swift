/// A record a session document holds, which may share its anchors' quotes once read.
protocol SessionDocumentRecord: KeyedRecord, JSONReadable {
    /// Shares every anchor's quote and context with its article's text where the text reads them.
    mutating func shareQuotes(_ texts: ArticleQuoteTexts)
}

extension SessionDocumentRecord {
    mutating func shareQuotes(_ texts: ArticleQuoteTexts) {}
}

extension Article: SessionDocumentRecord {}
extension Source: SessionDocumentRecord {}
extension Proposition: SessionDocumentRecord {}
extension Relation: SessionDocumentRecord {}
extension Conflict: SessionDocumentRecord {}

extension FragmentedSpan {
    /// Shares the quotes of every fragment of the span.
    fileprivate mutating func shareFragmentQuotes(_ texts: ArticleQuoteTexts) {
        texts.share(&anchor)
        if !moreFragments.isEmpty { texts.share(&moreFragments) }
    }
}

extension Claim: SessionDocumentRecord {
    mutating func shareQuotes(_ texts: ArticleQuoteTexts) {
        shareFragmentQuotes(texts)
        if cue != nil { texts.share(&cue!) }
    }
}

extension Mention: SessionDocumentRecord {
    mutating func shareQuotes(_ texts: ArticleQuoteTexts) {
        shareFragmentQuotes(texts)
    }
}

extension Stance: SessionDocumentRecord {
    mutating func shareQuotes(_ texts: ArticleQuoteTexts) {
        if !evidence.isEmpty { texts.share(&evidence) }
    }
}
