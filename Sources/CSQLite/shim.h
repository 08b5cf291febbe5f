#ifndef CLAIMDESK_CSQLITE_SHIM_H
#define CLAIMDESK_CSQLITE_SHIM_H

/* The system SQLite (Debian libsqlite3-dev), opened on first use (dlopen) rather than linked.

   Only `claimdesk index`, `query`, `sources --across` and the shell's `corpus` commands read the
   corpus index; the shell's start-up should not load a library for them, as with libxml2 and
   libcurl (see CLibXML2/shim.h). The declarations come from <sqlite3.h>, so the types and
   constants are SQLite's own; the few functions ClaimDesk calls are looked up by name and called
   through the pointers below, typed from SQLite's prototypes with __typeof__. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <sqlite3.h>

struct claimdesk_sqlite {
    int state; /* 0 not tried, 1 loaded, -1 missing */
    __typeof__(sqlite3_open_v2) *open_v2;
    __typeof__(sqlite3_close_v2) *close_v2;
    __typeof__(sqlite3_errmsg) *errmsg;
    __typeof__(sqlite3_exec) *exec;
    __typeof__(sqlite3_prepare_v2) *prepare_v2;
    __typeof__(sqlite3_finalize) *finalize;
    __typeof__(sqlite3_reset) *reset;
    __typeof__(sqlite3_clear_bindings) *clear_bindings;
    __typeof__(sqlite3_step) *step;
    __typeof__(sqlite3_bind_text) *bind_text;
    __typeof__(sqlite3_bind_int64) *bind_int64;
    __typeof__(sqlite3_bind_double) *bind_double;
    __typeof__(sqlite3_bind_null) *bind_null;
    __typeof__(sqlite3_column_count) *column_count;
    __typeof__(sqlite3_column_name) *column_name;
    __typeof__(sqlite3_column_type) *column_type;
    __typeof__(sqlite3_column_int64) *column_int64;
    __typeof__(sqlite3_column_double) *column_double;
    __typeof__(sqlite3_column_text) *column_text;
    __typeof__(sqlite3_column_bytes) *column_bytes;
    __typeof__(sqlite3_stmt_readonly) *stmt_readonly;
    __typeof__(sqlite3_busy_timeout) *busy_timeout;
    __typeof__(sqlite3_libversion) *libversion;
};

/* The one table of the library's functions. */
static inline struct claimdesk_sqlite *claimdesk_sqlite_storage(void) {
    static struct claimdesk_sqlite lib;
    return &lib;
}

/* Loads the library once (under pthread_once: tests and the corpus may open indexes from several
   threads at the same time; a check-then-load without it let a second thread see a half-loaded
   table). The state is set last, so a table read as loaded is complete. */
static inline void claimdesk_sqlite_load(void) {
    struct claimdesk_sqlite *lib = claimdesk_sqlite_storage();
    lib->state = -1;
    const char *names[] = {"libsqlite3.so.0", "libsqlite3.so", "libsqlite3.0.dylib", "libsqlite3.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
#define CLAIMDESK_SQLITE_LOAD(field, symbol) \
    if ((*(void **)&lib->field = dlsym(handle, symbol)) == NULL) return;
    CLAIMDESK_SQLITE_LOAD(open_v2, "sqlite3_open_v2")
    CLAIMDESK_SQLITE_LOAD(close_v2, "sqlite3_close_v2")
    CLAIMDESK_SQLITE_LOAD(errmsg, "sqlite3_errmsg")
    CLAIMDESK_SQLITE_LOAD(exec, "sqlite3_exec")
    CLAIMDESK_SQLITE_LOAD(prepare_v2, "sqlite3_prepare_v2")
    CLAIMDESK_SQLITE_LOAD(finalize, "sqlite3_finalize")
    CLAIMDESK_SQLITE_LOAD(reset, "sqlite3_reset")
    CLAIMDESK_SQLITE_LOAD(clear_bindings, "sqlite3_clear_bindings")
    CLAIMDESK_SQLITE_LOAD(step, "sqlite3_step")
    CLAIMDESK_SQLITE_LOAD(bind_text, "sqlite3_bind_text")
    CLAIMDESK_SQLITE_LOAD(bind_int64, "sqlite3_bind_int64")
    CLAIMDESK_SQLITE_LOAD(bind_double, "sqlite3_bind_double")
    CLAIMDESK_SQLITE_LOAD(bind_null, "sqlite3_bind_null")
    CLAIMDESK_SQLITE_LOAD(column_count, "sqlite3_column_count")
    CLAIMDESK_SQLITE_LOAD(column_name, "sqlite3_column_name")
    CLAIMDESK_SQLITE_LOAD(column_type, "sqlite3_column_type")
    CLAIMDESK_SQLITE_LOAD(column_int64, "sqlite3_column_int64")
    CLAIMDESK_SQLITE_LOAD(column_double, "sqlite3_column_double")
    CLAIMDESK_SQLITE_LOAD(column_text, "sqlite3_column_text")
    CLAIMDESK_SQLITE_LOAD(column_bytes, "sqlite3_column_bytes")
    CLAIMDESK_SQLITE_LOAD(stmt_readonly, "sqlite3_stmt_readonly")
    CLAIMDESK_SQLITE_LOAD(busy_timeout, "sqlite3_busy_timeout")
    CLAIMDESK_SQLITE_LOAD(libversion, "sqlite3_libversion")
#undef CLAIMDESK_SQLITE_LOAD
    lib->state = 1;
}

/* The library's functions, loaded on the first call; NULL when the library or one of its
   functions is missing. */
static inline const struct claimdesk_sqlite *claimdesk_sqlite_get(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, claimdesk_sqlite_load);
    const struct claimdesk_sqlite *lib = claimdesk_sqlite_storage();
    return lib->state == 1 ? lib : NULL;
}

/* Calls through the loaded library; only after claimdesk_sqlite_get() returned non-NULL. */
static inline int claimdesk_sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs) { return claimdesk_sqlite_get()->open_v2(filename, db, flags, vfs); }
static inline int claimdesk_sqlite3_close_v2(sqlite3 *db) { return claimdesk_sqlite_get()->close_v2(db); }
static inline const char * claimdesk_sqlite3_errmsg(sqlite3 *db) { return claimdesk_sqlite_get()->errmsg(db); }
static inline int claimdesk_sqlite3_exec(sqlite3 *db, const char *sql) { return claimdesk_sqlite_get()->exec(db, sql, NULL, NULL, NULL); }
static inline int claimdesk_sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement, const char **tail) { return claimdesk_sqlite_get()->prepare_v2(db, sql, bytes, statement, tail); }
static inline int claimdesk_sqlite3_finalize(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->finalize(statement); }
static inline int claimdesk_sqlite3_reset(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->reset(statement); }
static inline int claimdesk_sqlite3_clear_bindings(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->clear_bindings(statement); }
static inline int claimdesk_sqlite3_step(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->step(statement); }
static inline int claimdesk_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int bytes) { return claimdesk_sqlite_get()->bind_text(statement, index, text, bytes, SQLITE_TRANSIENT); }
static inline int claimdesk_sqlite3_bind_int64(sqlite3_stmt *statement, int index, sqlite3_int64 value) { return claimdesk_sqlite_get()->bind_int64(statement, index, value); }
static inline int claimdesk_sqlite3_bind_double(sqlite3_stmt *statement, int index, double value) { return claimdesk_sqlite_get()->bind_double(statement, index, value); }
static inline int claimdesk_sqlite3_bind_null(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->bind_null(statement, index); }
static inline int claimdesk_sqlite3_column_count(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->column_count(statement); }
static inline const char * claimdesk_sqlite3_column_name(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_name(statement, index); }
static inline int claimdesk_sqlite3_column_type(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_type(statement, index); }
static inline sqlite3_int64 claimdesk_sqlite3_column_int64(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_int64(statement, index); }
static inline double claimdesk_sqlite3_column_double(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_double(statement, index); }
static inline const unsigned char * claimdesk_sqlite3_column_text(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_text(statement, index); }
static inline int claimdesk_sqlite3_column_bytes(sqlite3_stmt *statement, int index) { return claimdesk_sqlite_get()->column_bytes(statement, index); }
static inline int claimdesk_sqlite3_stmt_readonly(sqlite3_stmt *statement) { return claimdesk_sqlite_get()->stmt_readonly(statement); }
static inline int claimdesk_sqlite3_busy_timeout(sqlite3 *db, int milliseconds) { return claimdesk_sqlite_get()->busy_timeout(db, milliseconds); }
static inline const char * claimdesk_sqlite3_libversion(void) { return claimdesk_sqlite_get()->libversion(); }

#endif
