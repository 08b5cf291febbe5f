#include "CPseudoTerminal.h"

#include <pty.h>
#include <unistd.h>

pid_t claimdesk_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                             unsigned short rows, unsigned short cols, int *master) {
    struct winsize size = {0};
    size.ws_row = rows;
    size.ws_col = cols;
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and exec. */
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
