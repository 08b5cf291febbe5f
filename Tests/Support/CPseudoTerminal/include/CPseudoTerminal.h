#ifndef CLAIMDESK_CPSEUDOTERMINAL_H
#define CLAIMDESK_CPSEUDOTERMINAL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a new pseudo-terminal of `rows` x `cols`
/// (forkpty: a new session whose controlling terminal is the pty, so Ctrl-C
/// raises SIGINT as it does for a user). Returns the child's pid and stores the
/// master side in `*master`, or returns -1.
pid_t claimdesk_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                             unsigned short rows, unsigned short cols, int *master);

#endif
