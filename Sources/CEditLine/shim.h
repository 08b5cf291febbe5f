#ifndef CLAIMDESK_CEDITLINE_SHIM_H
#define CLAIMDESK_CEDITLINE_SHIM_H

/*
 * Swift cannot call C variadic functions (el_set, el_get, history), nor touch
 * mutable C globals such as stdin under Swift 6. These static inline wrappers
 * give each use its own fixed signature.
 */

#include <histedit.h>
#include <stdio.h>

typedef char *(*claimdesk_prompt_fn)(EditLine *);
typedef unsigned char (*claimdesk_key_fn)(EditLine *, int);

static inline FILE *claimdesk_stdin(void) { return stdin; }
static inline FILE *claimdesk_stdout(void) { return stdout; }
static inline FILE *claimdesk_stderr(void) { return stderr; }

static inline int claimdesk_el_set_prompt(EditLine *el, claimdesk_prompt_fn fn, char escape) {
    return el_set(el, EL_PROMPT_ESC, fn, escape);
}
static inline int claimdesk_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int claimdesk_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int claimdesk_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int claimdesk_el_add_function(EditLine *el, const char *name, const char *help, claimdesk_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int claimdesk_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
static inline int claimdesk_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *claimdesk_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
/* Turns off the terminal's signal keys (Ctrl-C, Ctrl-Z, Ctrl-\) while a line is being
   edited, so they arrive as keys that can be bound; commands still run with them on. */
static inline int claimdesk_el_setty_no_signals_while_editing(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}
static inline int claimdesk_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

static inline int claimdesk_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}
static inline int claimdesk_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}
static inline int claimdesk_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
static inline int claimdesk_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}
static inline int claimdesk_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

#endif
