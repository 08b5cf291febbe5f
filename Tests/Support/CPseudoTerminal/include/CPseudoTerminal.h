#ifndef CLAIMDESK_CPSEUDOTERMINAL_H
#define CLAIMDESK_CPSEUDOTERMINAL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new pseudo-terminal of `rows` x `cols`
/// (forkpty: a new session whose controlling terminal is the pty, so Ctrl-C
/// raises SIGINT as it does for a user). Returns the child's pid and stores the
/// master side in `*master`, or returns -1.
pid_t claimdesk_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                             unsigned short rows, unsigned short cols, int *master);

/// Like `claimdesk_spawn_in_pty`, but the child first changes to `directory` (when not
/// NULL), so tests need not change the working directory of the whole test process,
/// and it starts with default signal handling and no blocked signals, as from a login
/// shell, whatever the test runner set for itself. A child that cannot change directory
/// exits with status 126 before running `path`.
pid_t claimdesk_spawn_in_pty_at(const char *path, char *const argv[], char *const envp[],
                                const char *directory, unsigned short rows, unsigned short cols,
                                int *master);

#endif
