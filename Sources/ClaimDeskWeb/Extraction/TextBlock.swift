/// A run of text the reader sees as one unit: a paragraph, heading, quote or list item.
struct TextBlock {
    enum Kind: Equatable {
        case paragraph, heading(level: Int), quote, listItem, preformatted
    }

    var text: String
    var kind: Kind
    /// Code points of text inside links.
    var linkLength: Int
    /// Code points of text.
    var length: Int
    /// The elements that contain the block, outermost first.
    var ancestors: [ObjectIdentifier]

    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    /// Whether the block ends like a sentence (., !, ?, a closing quote or bracket after one, a colon).
    var endsLikeSentence: Bool {
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, "\"'”’)]»".unicodeScalars.contains(last) { scalars.removeLast() }
        guard let last = scalars.last else { return false }
        return ".!?:…".unicodeScalars.contains(last)
    }
}
