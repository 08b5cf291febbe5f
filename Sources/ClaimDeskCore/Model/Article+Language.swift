extension Article {
    /// The article's language where ClaimDesk can name it: Arabic, Persian or Urdu, read from the
    /// script of its text; nil for Latin-script text, whose language letters alone cannot tell.
    ///
    /// Exports use it for `lang`, `dir` and the W3C `language`. This is the one place to prefer
    /// a language given with the article once articles carry one.
    public var detectedLanguage: ScriptLanguage? {
        let language = ScriptLanguageDetector.detect(content.scalars)
        return language == .english ? nil : language
    }
}
