/// Why a web page gave no article.
public enum WebPageError: Error, Equatable, Sendable {
    case parserMissing
    case noText

    public var message: String {
        switch self {
        case .parserMissing:
            "libxml2 is not installed, so web pages cannot be read; install it (apt-get install libxml2) or load the text"
        case .noText: "no article text found in the page; save the article's text as a .txt file and load that"
        }
    }
}
