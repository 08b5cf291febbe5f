/// An annotation whose span may be discontinuous: a quote broken by "he said" is one claim in two
/// fragments, as brat (`0 5;9 14`) and the W3C model (several targets) allow.
///
/// `anchor` is the first fragment, so code that knows one span keeps working; `moreFragments`
/// holds the others, in text order, and is empty for a continuous span.
public protocol FragmentedSpan {
    var anchor: Anchor { get set }
    var moreFragments: [Anchor] { get set }
}

extension FragmentedSpan {
    /// Every fragment in text order; the first is `anchor`. Setting an empty list changes nothing.
    public var fragments: [Anchor] {
        get { moreFragments.isEmpty ? [anchor] : [anchor] + moreFragments }
        set {
            guard let first = newValue.first else { return }
            anchor = first
            moreFragments = Array(newValue.dropFirst())
        }
    }

    /// Whether the span has more than one fragment.
    public var isDiscontinuous: Bool { !moreFragments.isEmpty }

    /// The quoted text of every fragment, joined by ``Anchor/fragmentSeparator``.
    public var spanText: String { Anchor.joinedExact(fragments) }
}

extension Anchor {
    /// What stands between two fragments of a span when their text is shown as one quote.
    public static let fragmentSeparator = " … "

    /// The fragments' quotes joined by ``fragmentSeparator``.
    public static func joinedExact(_ fragments: [Anchor]) -> String {
        fragments.count == 1 ? fragments[0].exact : fragments.map(\.exact).joined(separator: fragmentSeparator)
    }
}
