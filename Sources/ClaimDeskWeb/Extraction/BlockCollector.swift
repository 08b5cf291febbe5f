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
    private var buffer: [UInt8] = []
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
    ///
    /// Works on UTF-8 bytes: ASCII (the bulk of markup text) needs no Unicode lookups, and only
    /// the few non-ASCII scalars are decoded to ask whether they are spaces or invisible.
    private mutating func append(_ text: String, link: Bool) {
        var added = 0
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                if byte < 0x80 {
                    i += 1
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        appendSpace()
                    } else if byte >= 0x20 && byte != 0x7F {
                        buffer.append(byte)
                        noteText()
                        added += 1
                    }
                    continue
                }
                let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(i + width, n)
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<end]), as: UTF8.self).unicodeScalars.first ?? " "
                let v = scalar.value
                if v == 0xA0 || scalar.properties.isWhitespace {
                    appendSpace()
                } else if !(v == 0xFEFF || v == 0x200B || scalar.properties.generalCategory == .control) {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<end]))
                    noteText()
                    added += 1
                }
                i = end
            }
        }
        if link { bufferLinks += added }
    }

    private mutating func appendSpace() {
        if bufferHasText, !lastWasSpace {
            buffer.append(0x20)
            lastWasSpace = true
        }
    }

    private mutating func noteText() {
        lastWasSpace = false
        bufferHasText = true
        breaks = 0
    }

    private mutating func flush() {
        breaks = 0
        guard bufferHasText else { buffer.removeAll(keepingCapacity: true); bufferLinks = 0; lastWasSpace = false; return }
        if lastWasSpace { buffer.removeLast() }
        lastWasSpace = false
        let text = String(decoding: buffer, as: UTF8.self)
        let length = text.unicodeScalars.count
        blocks.append(TextBlock(text: text, kind: kinds.last ?? .paragraph, linkLength: min(bufferLinks, length),
                                length: length, ancestors: path))
        buffer.removeAll(keepingCapacity: true)
        bufferLinks = 0
        bufferHasText = false
    }
}
