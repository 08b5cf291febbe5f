#ifndef CLAIMDESK_CLIBPQ_SHIM_H
#define CLAIMDESK_CLIBPQ_SHIM_H

/* libpq, PostgreSQL's client library, opened on first use (dlopen) for the team store.

   Linked, it would load libpq with its TLS and Kerberos stack at every start of the shell, also
   for the analyst who never names a store. libpq's interface is a stable C ABI (libpq.so.5): this
   module declares the few entry points and constants it uses, from libpq-fe.h, and calls them
   through typed pointers. Debian's libpq-dev (or libpq5 alone) provides the library. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

enum {
    CLAIMDESK_PQ_CONNECTION_OK = 0,
    CLAIMDESK_PQ_PGRES_COMMAND_OK = 1,
    CLAIMDESK_PQ_PGRES_TUPLES_OK = 2,
    CLAIMDESK_PQ_DIAG_SQLSTATE = 'C',
};

struct claimdesk_libpq {
    int state;
    void *(*connectdb)(const char *);
    int (*status)(const void *);
    char *(*error_message)(const void *);
    void (*finish)(void *);
    void *(*exec)(void *, const char *);
    void *(*exec_params)(void *, const char *, int, const unsigned int *, const char *const *, const int *, const int *, int);
    void *(*prepare)(void *, const char *, const char *, int, const unsigned int *);
    void *(*exec_prepared)(void *, const char *, int, const char *const *, const int *, const int *, int);
    int (*result_status)(const void *);
    char *(*result_error_message)(const void *);
    char *(*result_error_field)(const void *, int);
    int (*ntuples)(const void *);
    int (*nfields)(const void *);
    char *(*getvalue)(const void *, int, int);
    int (*getlength)(const void *, int, int);
    int (*getisnull)(const void *, int, int);
    void (*clear)(void *);
    int (*backend_pid)(const void *);
};

/* The loaded entry points (a function's static: Swift emits no file-scope C variables). */
static inline struct claimdesk_libpq *claimdesk_libpq_storage(void) {
    static struct claimdesk_libpq lib;
    return &lib;
}

/* Loads libpq once (under pthread_once: several threads may connect at the same time). */
static inline void claimdesk_libpq_load(void) {
    struct claimdesk_libpq *lib = claimdesk_libpq_storage();
    lib->state = -1;
    const char *names[] = {"libpq.so.5", "libpq.so", "libpq.5.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
    *(void **)&lib->connectdb = dlsym(handle, "PQconnectdb");
    *(void **)&lib->status = dlsym(handle, "PQstatus");
    *(void **)&lib->error_message = dlsym(handle, "PQerrorMessage");
    *(void **)&lib->finish = dlsym(handle, "PQfinish");
    *(void **)&lib->exec = dlsym(handle, "PQexec");
    *(void **)&lib->exec_params = dlsym(handle, "PQexecParams");
    *(void **)&lib->prepare = dlsym(handle, "PQprepare");
    *(void **)&lib->exec_prepared = dlsym(handle, "PQexecPrepared");
    *(void **)&lib->result_status = dlsym(handle, "PQresultStatus");
    *(void **)&lib->result_error_message = dlsym(handle, "PQresultErrorMessage");
    *(void **)&lib->result_error_field = dlsym(handle, "PQresultErrorField");
    *(void **)&lib->ntuples = dlsym(handle, "PQntuples");
    *(void **)&lib->nfields = dlsym(handle, "PQnfields");
    *(void **)&lib->getvalue = dlsym(handle, "PQgetvalue");
    *(void **)&lib->getlength = dlsym(handle, "PQgetlength");
    *(void **)&lib->getisnull = dlsym(handle, "PQgetisnull");
    *(void **)&lib->clear = dlsym(handle, "PQclear");
    *(void **)&lib->backend_pid = dlsym(handle, "PQbackendPID");
    if (!lib->connectdb || !lib->status || !lib->error_message || !lib->finish || !lib->exec || !lib->exec_params
        || !lib->prepare || !lib->exec_prepared || !lib->result_status || !lib->result_error_message || !lib->result_error_field || !lib->ntuples || !lib->nfields
        || !lib->getvalue || !lib->getlength || !lib->getisnull || !lib->clear || !lib->backend_pid) return;
    lib->state = 1;
}

static inline struct claimdesk_libpq *claimdesk_libpq_get(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, claimdesk_libpq_load);
    struct claimdesk_libpq *lib = claimdesk_libpq_storage();
    return lib->state == 1 ? lib : NULL;
}

/* Whether libpq could be loaded. Every call below requires it. */
static inline int claimdesk_pq_available(void) { return claimdesk_libpq_get() != NULL; }

static inline void *claimdesk_pq_connect(const char *conninfo) { return claimdesk_libpq_get()->connectdb(conninfo); }
static inline int claimdesk_pq_status(const void *conn) { return claimdesk_libpq_get()->status(conn); }
static inline const char *claimdesk_pq_error_message(const void *conn) { return claimdesk_libpq_get()->error_message(conn); }
static inline void claimdesk_pq_finish(void *conn) { claimdesk_libpq_get()->finish(conn); }
static inline int claimdesk_pq_backend_pid(const void *conn) { return claimdesk_libpq_get()->backend_pid(conn); }
/* One or more statements without parameters (BEGIN, COMMIT, the schema). */
static inline void *claimdesk_pq_exec(void *conn, const char *sql) { return claimdesk_libpq_get()->exec(conn, sql); }
/* One statement with text parameters ($1, $2, …; NULL for SQL NULL), text results. */
static inline void *claimdesk_pq_exec_params(void *conn, const char *sql, int count, const char *const *values) {
    return claimdesk_libpq_get()->exec_params(conn, sql, count, NULL, values, NULL, NULL, 0);
}
/* A named statement parsed and planned once per connection, then run with text parameters. */
static inline void *claimdesk_pq_prepare(void *conn, const char *name, const char *sql, int count) {
    return claimdesk_libpq_get()->prepare(conn, name, sql, count, NULL);
}
static inline void *claimdesk_pq_exec_prepared(void *conn, const char *name, int count, const char *const *values) {
    return claimdesk_libpq_get()->exec_prepared(conn, name, count, values, NULL, NULL, 0);
}
static inline int claimdesk_pq_result_status(const void *result) { return claimdesk_libpq_get()->result_status(result); }
static inline const char *claimdesk_pq_result_error(const void *result) { return claimdesk_libpq_get()->result_error_message(result); }
static inline const char *claimdesk_pq_result_sqlstate(const void *result) {
    return claimdesk_libpq_get()->result_error_field(result, CLAIMDESK_PQ_DIAG_SQLSTATE);
}
static inline int claimdesk_pq_rows(const void *result) { return claimdesk_libpq_get()->ntuples(result); }
static inline int claimdesk_pq_columns(const void *result) { return claimdesk_libpq_get()->nfields(result); }
static inline const char *claimdesk_pq_value(const void *result, int row, int column) { return claimdesk_libpq_get()->getvalue(result, row, column); }
static inline int claimdesk_pq_length(const void *result, int row, int column) { return claimdesk_libpq_get()->getlength(result, row, column); }
static inline int claimdesk_pq_is_null(const void *result, int row, int column) { return claimdesk_libpq_get()->getisnull(result, row, column); }
static inline void claimdesk_pq_clear(void *result) { claimdesk_libpq_get()->clear(result); }

#endif
