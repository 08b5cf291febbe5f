#ifndef CLAIMDESK_THREAD_PLACEMENT_H
#define CLAIMDESK_THREAD_PLACEMENT_H

/// Where a thread started by `claimdesk_start_thread_elsewhere` began.
typedef struct {
    /// The processor the starting thread ran on, which the new thread was kept off at first;
    /// -1 when it was not (a single processor allowed, the allowed set unreadable or not
    /// applied, or a platform that cannot say).
    int avoided;
    /// The processor the new thread began on; -1 when the platform cannot say.
    int started_on;
    /// 1 when the new thread could not be given back every processor the caller may use, and
    /// stays off `avoided`; 0 otherwise.
    int kept_off;
} claimdesk_thread_placement;

/// Starts `work(context, placement)` on a new detached thread that begins on another processor
/// than the caller's, when another is allowed, and may move anywhere the caller may once begun.
/// Returns 0, or an error number (of `malloc`, `pthread_attr_init` or `pthread_create`: the work
/// is then not started).
int claimdesk_start_thread_elsewhere(void (*work)(void *context, claimdesk_thread_placement placement), void *context);

#endif
