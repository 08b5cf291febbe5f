#include "CPseudoTerminal.h"

#include <pty.h>
#include <signal.h>
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

pid_t claimdesk_spawn_in_pty_at(const char *path, char *const argv[], char *const envp[],
                                const char *directory, unsigned short rows, unsigned short cols,
                                int *master) {
    struct winsize size = {0};
    size.ws_row = rows;
    size.ws_col = cols;
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        /* Only async-signal-safe calls between fork and exec: chdir, sigaction,
           sigprocmask, execve, _exit. Ignored signals and the signal mask survive
           execve, so reset what the test runner may have changed for itself. */
        if (directory != NULL && chdir(directory) != 0) _exit(126);
        struct sigaction fallback = {0};
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        for (int signo = 1; signo < NSIG; signo++) sigaction(signo, &fallback, NULL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
