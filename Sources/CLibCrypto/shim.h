#ifndef CLAIMDESK_CLIBCRYPTO_SHIM_H
#define CLAIMDESK_CLIBCRYPTO_SHIM_H

/* OpenSSL's libcrypto, opened on first use (dlopen) to hash large inputs (long articles, session
   snapshots) with its SIMD/SHA-extension code.

   Linked, it was loaded at every start of the shell: about 1.7 ms and 125 page faults for the
   library's 21,000 relocations, before the first prompt, where only a short article is hashed
   (ClaimDeskCore hashes short inputs itself). Only the header's SHA256_CTX is used from
   libssl-dev; the one-algorithm SHA-256 calls are deprecated in OpenSSL 3 in favour of EVP, but
   EVP's first use loads providers and configuration (about 1.3 ms), and the direct calls compute
   the same digest at once. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

struct claimdesk_libcrypto {
    int (*init)(SHA256_CTX *);
    int (*update)(SHA256_CTX *, const void *, size_t);
    int (*final)(unsigned char *, SHA256_CTX *);
};

static inline struct claimdesk_libcrypto *claimdesk_libcrypto_table(void) {
    static struct claimdesk_libcrypto lib;
    return &lib;
}

static inline void claimdesk_libcrypto_load_once(void) {
    const char *names[] = {"libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so", "libcrypto.3.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
    struct claimdesk_libcrypto *lib = claimdesk_libcrypto_table();
    *(void **)&lib->init = dlsym(handle, "SHA256_Init");
    *(void **)&lib->update = dlsym(handle, "SHA256_Update");
    *(void **)&lib->final = dlsym(handle, "SHA256_Final");
    if (!lib->init || !lib->update || !lib->final) lib->init = NULL;
}

/* The library's functions, loaded once (under pthread_once: tests hash on several threads). */
static inline struct claimdesk_libcrypto *claimdesk_libcrypto_get(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, claimdesk_libcrypto_load_once);
    struct claimdesk_libcrypto *lib = claimdesk_libcrypto_table();
    return lib->init ? lib : NULL;
}

/// SHA-256 of `length` bytes at `bytes` into `digest` (32 bytes). Returns 1 on success, 0 when
/// libcrypto could not be loaded or failed (the caller then hashes in Swift).
static inline int claimdesk_sha256(const void *bytes, size_t length, unsigned char *digest) {
    struct claimdesk_libcrypto *lib = claimdesk_libcrypto_get();
    if (lib == NULL) return 0;
    SHA256_CTX context;
    if (!lib->init(&context)) return 0;
    if (!lib->update(&context, bytes, length)) return 0;
    return lib->final(digest, &context);
}

#endif
