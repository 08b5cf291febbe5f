/// One element of a parsed page: its lower-case name, attributes and children.
///
/// Pages are parsed into this small tree once, and libxml2's own tree is freed at once, so the
/// extraction code is plain Swift that tests can build by hand.
public final class HTMLElement {
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [HTMLNode]

    public init(_ name: String, _ attributes: [String: String] = [:], _ children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// The element's class and id, lower-cased, for hints such as `comments` or `article-body`.
    var classAndID: String {
        switch (attributes["class"], attributes["id"]) {
        case (nil, nil): ""
        case (let c?, nil): c.lowercased()
        case (nil, let i?): i.lowercased()
        case (let c?, let i?): (c + " " + i).lowercased()
        }
    }

    /// Class and id split into lower-case words, computed once (see ``BoilerplateHints/classWords(_:)``).
    lazy var hintWords: [String] = BoilerplateHints.splitHints(classAndID)

    /// All text below this element, white space as in the source.
    public var textContent: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let element): element.appendText(to: &out)
            }
        }
    }

    /// Every element below this one, depth first, in document order.
    public func descendants(_ visit: (HTMLElement) -> Void) {
        for child in children {
            if case .element(let element) = child {
                visit(element)
                element.descendants(visit)
            }
        }
    }

    /// The first element below this one with one of these names, in document order.
    public func first(named names: Set<String>) -> HTMLElement? {
        for child in children {
            if case .element(let element) = child {
                if names.contains(element.name) { return element }
                if let found = element.first(named: names) { return found }
            }
        }
        return nil
    }
}

/// A child of an element: another element or a run of text.
public enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}
