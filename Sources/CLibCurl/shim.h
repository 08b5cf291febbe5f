#ifndef CLAIMDESK_CLIBCURL_SHIM_H
#define CLAIMDESK_CLIBCURL_SHIM_H

/* libcurl, opened on first use (dlopen) for `load https://…` and `claimdesk extract URL`.

   Linked (directly or through FoundationNetworking) it would load libcurl and its TLS stack at
   every start of the shell. libcurl's easy interface is a stable C ABI: this module declares the
   option and info numbers it uses (from curl.h) and calls the variadic setters through typed
   pointers. libcurl4 is installed with Swift on Linux (FoundationNetworking needs it). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

enum {
    CLAIMDESK_CURLOPT_WRITEDATA = 10001,
    CLAIMDESK_CURLOPT_URL = 10002,
    CLAIMDESK_CURLOPT_USERAGENT = 10018,
    CLAIMDESK_CURLOPT_WRITEFUNCTION = 20011,
    CLAIMDESK_CURLOPT_FOLLOWLOCATION = 52,
    CLAIMDESK_CURLOPT_MAXREDIRS = 68,
    CLAIMDESK_CURLOPT_NOSIGNAL = 99,
    CLAIMDESK_CURLOPT_TIMEOUT_MS = 155,
    CLAIMDESK_CURLOPT_CONNECTTIMEOUT_MS = 156,
    CLAIMDESK_CURLOPT_PROTOCOLS = 181,
    CLAIMDESK_CURLOPT_REDIR_PROTOCOLS = 182,
    CLAIMDESK_CURLOPT_ACCEPT_ENCODING = 10102,
    CLAIMDESK_CURLINFO_EFFECTIVE_URL = 0x100001,
    CLAIMDESK_CURLINFO_RESPONSE_CODE = 0x200002,
    CLAIMDESK_CURLINFO_CONTENT_TYPE = 0x100012,
    CLAIMDESK_CURLPROTO_HTTP_HTTPS = 1 | 2,
    CLAIMDESK_CURLE_WRITE_ERROR = 23,
    CLAIMDESK_CURLE_OPERATION_TIMEDOUT = 28,
    CLAIMDESK_CURLE_TOO_MANY_REDIRECTS = 47,
};

typedef size_t (*claimdesk_curl_write_fn)(char *, size_t, size_t, void *);

struct claimdesk_libcurl {
    int state;
    void *(*init)(void);
    int (*setopt_long)(void *, int, long);
    int (*setopt_pointer)(void *, int, const void *);
    int (*setopt_function)(void *, int, claimdesk_curl_write_fn);
    int (*perform)(void *);
    int (*getinfo_string)(void *, int, const char **);
    int (*getinfo_long)(void *, int, long *);
    void (*cleanup)(void *);
    const char *(*strerror)(int);
};

static inline struct claimdesk_libcurl *claimdesk_libcurl_load(void) {
    static struct claimdesk_libcurl lib;
    if (lib.state != 0) return lib.state == 1 ? &lib : NULL;
    lib.state = -1;
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return NULL;
    void *setopt = dlsym(handle, "curl_easy_setopt");
    void *getinfo = dlsym(handle, "curl_easy_getinfo");
    *(void **)&lib.init = dlsym(handle, "curl_easy_init");
    *(void **)&lib.setopt_long = setopt;
    *(void **)&lib.setopt_pointer = setopt;
    *(void **)&lib.setopt_function = setopt;
    *(void **)&lib.perform = dlsym(handle, "curl_easy_perform");
    *(void **)&lib.getinfo_string = getinfo;
    *(void **)&lib.getinfo_long = getinfo;
    *(void **)&lib.cleanup = dlsym(handle, "curl_easy_cleanup");
    *(void **)&lib.strerror = dlsym(handle, "curl_easy_strerror");
    if (!lib.init || !setopt || !lib.perform || !getinfo || !lib.cleanup || !lib.strerror) return NULL;
    lib.state = 1;
    return &lib;
}

static inline void claimdesk_libcurl_load_once(void) { (void)claimdesk_libcurl_load(); }

/* The library's functions, loaded once (under pthread_once: tests read pages on several threads
   at the same time, and a check-then-load let a second thread see a half-loaded table). */
static inline struct claimdesk_libcurl *claimdesk_libcurl_get(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, claimdesk_libcurl_load_once);
    return claimdesk_libcurl_load();
}

/* Whether libcurl could be loaded. */
static inline int claimdesk_curl_available(void) { return claimdesk_libcurl_get() != NULL; }

static inline void *claimdesk_curl_init(void) {
    struct claimdesk_libcurl *lib = claimdesk_libcurl_get();
    return lib ? lib->init() : NULL;
}
static inline int claimdesk_curl_set_long(void *curl, int option, long value) { return claimdesk_libcurl_get()->setopt_long(curl, option, value); }
static inline int claimdesk_curl_set_pointer(void *curl, int option, const void *value) { return claimdesk_libcurl_get()->setopt_pointer(curl, option, value); }
static inline int claimdesk_curl_set_write_function(void *curl, claimdesk_curl_write_fn function) {
    return claimdesk_libcurl_get()->setopt_function(curl, CLAIMDESK_CURLOPT_WRITEFUNCTION, function);
}
static inline int claimdesk_curl_perform(void *curl) { return claimdesk_libcurl_get()->perform(curl); }
static inline const char *claimdesk_curl_info_string(void *curl, int info) {
    const char *value = NULL;
    return claimdesk_libcurl_get()->getinfo_string(curl, info, &value) == 0 ? value : NULL;
}
static inline long claimdesk_curl_info_long(void *curl, int info) {
    long value = 0;
    return claimdesk_libcurl_get()->getinfo_long(curl, info, &value) == 0 ? value : 0;
}
static inline void claimdesk_curl_cleanup(void *curl) { claimdesk_libcurl_get()->cleanup(curl); }
static inline const char *claimdesk_curl_strerror(int code) { return claimdesk_libcurl_get()->strerror(code); }

#endif
