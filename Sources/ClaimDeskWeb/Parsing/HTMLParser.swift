import CLibXML2

/// Parses untrusted HTML with libxml2's HTML parser into an ``HTMLElement`` tree.
///
/// libxml2 recovers from broken markup the way browsers mostly do; it is told never to use
/// the network and to print nothing. The bytes are decoded first (see ``PageEncoding``) so
/// every page reaches the tree as UTF-8 whatever it declared.
public enum HTMLParser {
    /// Elements whose content is never article text; their children are not copied.
    static let dropped: Set<String> = ["style", "template", "svg", "math", "canvas", "object", "embed", "select", "textarea"]
    /// Deeper nesting than this is flattened: no news page needs it, and recursion must stay bounded.
    static let maximumDepth = 400

    /// Whether libxml2 is installed (it is opened on first use).
    public static var isAvailable: Bool { claimdesk_libxml2_available() != 0 }

    /// The page's root element (`html`) and the encoding its bytes were read in.
    public static func parse(_ bytes: [UInt8], headerCharset: String? = nil) -> (root: HTMLElement, encoding: PageEncoding) {
        bytes.withUnsafeBufferPointer { buffer in
            let encoding = PageEncoding.detect(buffer, headerCharset: headerCharset)
            let root: HTMLElement?
            switch encoding.name {
            case "utf-8":
                let body = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: buffer.dropFirst(3)) : buffer
                // Valid bytes go to libxml2 as they are; invalid ones are repaired (U+FFFD) first.
                root = String(validating: body, as: UTF8.self) != nil ? parse(body, encoding: "UTF-8")
                    : parseUTF8(String(decoding: body, as: UTF8.self))
            case "windows-1252": root = parseUTF8(SingleByteDecoder.windows1252(buffer))
            case "utf-16le", "utf-16be": root = parseUTF8(SingleByteDecoder.utf16(buffer, bigEndian: encoding.name == "utf-16be"))
            default:
                // libxml2 converts the other encodings itself; one it does not know is read as windows-1252.
                root = parse(buffer, encoding: encoding.name) ?? parseUTF8(SingleByteDecoder.windows1252(buffer))
            }
            return (root ?? HTMLElement("html"), encoding)
        }
    }

    static func parseUTF8(_ text: String) -> HTMLElement? {
        var text = text
        return text.withUTF8 { utf8 in parse(utf8, encoding: "UTF-8") }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> HTMLElement? {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            claimdesk_html_parse(chars, Int32(bytes.count), encoding)
        }
        guard let document else { return nil }
        defer { claimdesk_html_free(document) }
        guard let root = claimdesk_html_root(document) else { return nil }
        return element(root, depth: 0)
    }

    private static func element(_ node: UnsafeMutablePointer<claimdesk_xml_node>, depth: Int) -> HTMLElement {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let key = current.pointee.name {
                attributes[String(cString: key).lowercased()] = current.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            }
            attribute = current.pointee.next
        }
        let result = HTMLElement(name.lowercased(), attributes)
        if dropped.contains(result.name) { return result }
        if result.name == "script" {
            // Only structured data is kept from scripts.
            if attributes["type"]?.lowercased().contains("ld+json") == true { result.children = [.text(rawText(node))] }
            return result
        }
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case Int32(CLAIMDESK_XML_ELEMENT_NODE):
                if depth < maximumDepth {
                    children.append(.element(element(current, depth: depth + 1)))
                } else {
                    children.append(.text(rawText(current)))
                }
            case Int32(CLAIMDESK_XML_TEXT_NODE), Int32(CLAIMDESK_XML_CDATA_SECTION_NODE):
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default: break
            }
            child = current.pointee.next
        }
        result.children = children
        return result
    }

    /// The text of a node and everything below it, without building elements (iteratively: no recursion).
    private static func rawText(_ node: UnsafeMutablePointer<claimdesk_xml_node>) -> String {
        var out = ""
        var stack: [UnsafeMutablePointer<claimdesk_xml_node>] = []
        var child = node.pointee.children
        while true {
            if let current = child {
                if current.pointee.type == Int32(CLAIMDESK_XML_TEXT_NODE) || current.pointee.type == Int32(CLAIMDESK_XML_CDATA_SECTION_NODE),
                   let content = current.pointee.content {
                    out += String(cString: content)
                }
                if let first = current.pointee.children, current.pointee.type == Int32(CLAIMDESK_XML_ELEMENT_NODE) {
                    stack.append(current)
                    child = first
                } else {
                    child = current.pointee.next
                }
            } else if let parent = stack.popLast() {
                child = parent.pointee.next
            } else {
                return out
            }
        }
    }
}
