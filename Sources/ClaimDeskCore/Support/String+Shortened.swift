extension String {
    /// The text itself when it has at most `limit` characters, else its first `limit - 1` and "…".
    ///
    /// Counting characters walks the text; one of at most `limit` UTF-8 bytes has at most `limit`
    /// characters, so short text (most of what is shortened) is not walked.
    func shortened(to limit: Int) -> String {
        utf8.count > limit && count > limit ? String(prefix(limit - 1)) + "…" : self
    }
}
