import ClaimDeskCore

/// Renders an article one sentence per line under numbered paragraphs, with
/// annotated spans marked `{text}ID` and an optional highlight marked `[text]`.
public struct ArticleView {
    /// An annotated span to mark.
    public struct Mark: Equatable {
        public var range: Range<Int>
        public var id: AnnotationID?
        public var style: TextStyle

        public init(range: Range<Int>, id: AnnotationID?, style: TextStyle) {
            self.range = range
            self.id = id
            self.style = style
        }
    }

    let article: Article
    let marks: [Mark]

    public init(article: Article, marks: [Mark]) {
        self.article = article
        self.marks = marks
    }

    /// Lines for the sentences in `sentences` (zero-based), each paragraph introduced by its number.
    public func lines(sentences: Range<Int>) -> [StyledLine] {
        let text = article.content
        let all = text.segmentation.sentences
        guard !sentences.isEmpty else { return [] }
        let labelWidth = "s\(sentences.upperBound)".count
        var lines: [StyledLine] = []
        var paragraph = -1
        for index in sentences {
            let sentence = all[index]
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                lines.append(StyledLine("p\(paragraph + 1)", .heading))
            }
            let territoryStart = index == 0 ? 0 : sentence.range.lowerBound
            let territoryEnd = index + 1 < all.count ? all[index + 1].range.lowerBound : text.count
            var line = StyledLine("  ")
            line.append(("s\(index + 1)").padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0), .dim)
            line.markTextColumn()
            // The sentence is isolated so right-to-left text reads in its own order after the number.
            line.appendIsolated(render(sentence.range, territory: territoryStart..<territoryEnd))
            lines.append(line)
        }
        return lines
    }

    private enum Event {
        case open(Mark)
        case close(Mark)
    }

    /// One sentence's text with the marks that open, close or run through it.
    func render(_ range: Range<Int>, territory: Range<Int>) -> StyledLine {
        let text = article.content
        // Events placed at positions clamped into the sentence.
        var events: [(position: Int, order: Int, event: Event)] = []
        for mark in marks where mark.range.lowerBound < territory.upperBound && mark.range.upperBound > territory.lowerBound {
            if territory.contains(mark.range.lowerBound) {
                let length = mark.range.count
                events.append((min(max(mark.range.lowerBound, range.lowerBound), range.upperBound), 1_000_000 - length, .open(mark)))
            }
            if mark.range.upperBound > territory.lowerBound && mark.range.upperBound <= territory.upperBound {
                events.append((min(max(mark.range.upperBound, range.lowerBound), range.upperBound), -1_000_000 + mark.range.count, .close(mark)))
            }
        }
        events.sort { ($0.position, $0.order) < ($1.position, $1.order) }
        var active: [Mark] = marks.filter {
            $0.range.lowerBound < territory.lowerBound && $0.range.upperBound > territory.lowerBound
        }
        var line = StyledLine()
        var cursor = range.lowerBound
        func emit(upTo position: Int) {
            guard position > cursor else { return }
            line.append(text.slice(cursor..<position), active.last?.style ?? .plain)
            cursor = position
        }
        for (position, _, event) in events {
            emit(upTo: position)
            switch event {
            case .open(let mark):
                line.append(mark.id == nil ? "[" : "{", .dim)
                active.append(mark)
            case .close(let mark):
                line.append(mark.id == nil ? "]" : "}", .dim)
                if let id = mark.id { line.appendLabel(id.rawValue, .id) }
                if let i = active.lastIndex(of: mark) { active.remove(at: i) }
            }
        }
        emit(upTo: range.upperBound)
        return line
    }
}
