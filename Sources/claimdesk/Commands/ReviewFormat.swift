import ArgumentParser

/// How `claimdesk diff` and `claimdesk agree` print: aligned text for people, JSON for scripts.
enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
