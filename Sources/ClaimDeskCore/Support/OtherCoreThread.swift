import CThreadPlacement

/// A thread that begins on another core than the thread that starts it, and may move anywhere
/// once begun.
///
/// A new thread is queued where the kernel puts it, and on this machine that was, in about a
/// third of openings, behind the very thread that made it, while the other core sat idle: the
/// second reader of a split reading (``Session/splitReading(_:startThread:)``) then began only when the
/// first reader stopped to wait for it, about a millisecond later. Kept off the starting core
/// until it begins, it begins at once. (A woken thread, such as a queue's worker, is placed on
/// an idle core: only new threads had the trouble.)
enum OtherCoreThread {
    /// Where the thread began: `avoided` is the starting thread's core, nil when it was not
    /// avoided (no other to go to, or the kernel would not have it); `startedOn`, nil when the
    /// platform cannot say; `keptOff`, whether the thread still may not run on `avoided`
    /// (giving back the starter's cores failed).
    struct Placement: Equatable, Sendable {
        var avoided: Int?
        var startedOn: Int?
        var keptOff = false
    }

    private final class Work: Sendable {
        let body: @Sendable (Placement) -> Void
        init(_ body: @escaping @Sendable (Placement) -> Void) { self.body = body }
    }

    /// Starts `work` on a new thread; false when no thread could be started (`work` is not run).
    @discardableResult
    static func start(_ work: @escaping @Sendable (Placement) -> Void) -> Bool {
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        let error = claimdesk_start_thread_elsewhere({ context, placement in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body(Placement(avoided: placement.avoided >= 0 ? Int(placement.avoided) : nil,
                                startedOn: placement.started_on >= 0 ? Int(placement.started_on) : nil,
                                keptOff: placement.kept_off != 0))
        }, context)
        guard error == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return false
        }
        return true
    }
}
