import ClaimDeskCore
import ClaimDeskShell

extension DiskHost {
    /// The shell's `corpus` commands and `open --find`, answered from the index beside the sessions.
    func corpus(_ request: CorpusRequest) throws(HostError) -> CorpusAnswer {
        try CorpusDesk(indexOption: corpusIndex, sessionsOption: (store as? DiskSessionStore)?.folder).answer(request)
    }
}
