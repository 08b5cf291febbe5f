import ClaimDeskCore

/// What the three passes (review, curate, suggestion walk) share: the keys that move through
/// their items and leave, and moving on to the next item.
extension CommandContext {
    /// How one kind of pass shows its current item, moves on and ends, for the keys all passes share.
    struct PassScreens {
        /// The current item, as the pass shows it.
        let item: () -> [StyledLine]
        /// After moving on: the next item, or the end of the pass.
        let advanced: () -> ShellResult
        /// Leaves the pass with its summary.
        let end: () -> ShellResult
        /// The pass's keys, for `?`.
        let keys: String
        /// The keys that go to the next item.
        var nextKeys: Set<String> = ["n", " ", "\n", "\r"]
    }

    /// The keys every pass shares: next, `p` previous, `q` (or Ctrl-D, Ctrl-C) leave, `?` or `h`
    /// its keys; nil for a key of the pass's own.
    func sharedPassKey(_ key: String, walk: ReviewWalk, _ screens: PassScreens) -> ShellResult? {
        var walk = walk
        switch key {
        case "p":
            walk.position = max(0, walk.position - 1)
            reviewWalk = walk
            return ShellResult(lines: screens.item())
        case "q", "\u{04}", "\u{03}":
            return screens.end()
        case "?", "h":
            return ShellResult(lines: [StyledLine(screens.keys, .dim)])
        case _ where screens.nextKeys.contains(key):
            walk.position += 1
            reviewWalk = walk
            return screens.advanced()
        default:
            return nil
        }
    }

    /// After moving on in a review or curate pass: the next item, or the end of the pass.
    func advance(showing item: () -> [StyledLine], end: () -> ShellResult) -> ShellResult {
        guard let walk = reviewWalk else { return ShellResult() }
        return walk.current == nil ? end() : ShellResult(lines: item())
    }
}
