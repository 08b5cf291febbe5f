/// Flattens a page into ``TextBlock``s, skipping page furniture.
///
/// Text is gathered across inline elements (`a`, `em`, `span`, …) and cut where a block element
/// starts or ends, or at two `<br>` in a row, the way a browser lays it out. White space runs
/// (including no-break spaces) become one space.
struct BlockCollector {
    static let blockNames: Set<String> = [
        "p", "div", "section", "article", "main", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "li", "ul", "ol", "dl", "dt", "dd", "pre", "table", "tr", "td", "th", "tbody", "thead", "center", "address",
        "hr", "details", "summary",
    ]

    private(set) var blocks: [TextBlock] = []
    private var buffer = ""
    private var bufferLinks = 0
    private var bufferHasText = false
    private var path: [ObjectIdentifier] = []
    private var kinds: [TextBlock.Kind] = []
    private var linkDepth = 0
    private var breaks = 0
    private var lastWasSpace = false

    init(_ root: HTMLElement) {
        visit(root)
        flush()
    }

    private mutating func visit(_ element: HTMLElement) {
        if BoilerplateHints.isBoilerplate(element) { return }
        let name = element.name
        if name == "br" {
            breaks += 1
            if breaks >= 2 { flush() } else { append(" ", link: false) }
            return
        }
        let isBlock = Self.blockNames.contains(name)
        if isBlock { flush() }
        path.append(ObjectIdentifier(element))
        if let kind = Self.kind(name) { kinds.append(kind) }
        if name == "a" { linkDepth += 1 }
        for child in element.children {
            switch child {
            case .text(let text): append(text, link: linkDepth > 0)
            case .element(let inner): visit(inner)
            }
        }
        if name == "a" { linkDepth -= 1 }
        if isBlock { flush() }
        if Self.kind(name) != nil { kinds.removeLast() }
        path.removeLast()
    }

    private static func kind(_ name: String) -> TextBlock.Kind? {
        switch name {
        case "p": .paragraph
        case "h1": .heading(level: 1)
        case "h2": .heading(level: 2)
        case "h3": .heading(level: 3)
        case "h4", "h5", "h6": .heading(level: 4)
        case "blockquote": .quote
        case "li", "dd": .listItem
        case "pre": .preformatted
        default: nil
        }
    }

    /// Adds text, collapsing white space; tracks how much of it is link text.
    private mutating func append(_ text: String, link: Bool) {
        var added = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace: Bool
            let isDropped: Bool
            if v < 0x80 {
                // ASCII, the bulk of markup text: no Unicode property lookups.
                isSpace = v == 0x20 || (v >= 0x09 && v <= 0x0D)
                isDropped = !isSpace && (v < 0x20 || v == 0x7F)
            } else {
                isSpace = v == 0xA0 || scalar.properties.isWhitespace
                isDropped = !isSpace && (v == 0xFEFF || v == 0x200B || scalar.properties.generalCategory == .control)
            }
            if isSpace {
                if bufferHasText, !lastWasSpace { buffer.unicodeScalars.append(" "); lastWasSpace = true }
            } else if !isDropped {
                buffer.unicodeScalars.append(scalar)
                lastWasSpace = false
                bufferHasText = true
                breaks = 0
                added += 1
            }
        }
        if link { bufferLinks += added }
    }

    private mutating func flush() {
        breaks = 0
        guard bufferHasText else { buffer = ""; bufferLinks = 0; lastWasSpace = false; return }
        if lastWasSpace { buffer.unicodeScalars.removeLast() }
        lastWasSpace = false
        let length = buffer.unicodeScalars.count
        blocks.append(TextBlock(text: buffer, kind: kinds.last ?? .paragraph, linkLength: min(bufferLinks, length),
                                length: length, ancestors: path))
        buffer = ""
        bufferLinks = 0
        bufferHasText = false
    }
}
