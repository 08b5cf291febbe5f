#ifndef CLAIMDESK_CLIBCRYPTO_SHIM_H
#define CLAIMDESK_CLIBCRYPTO_SHIM_H

/* OpenSSL 3 marks the one-algorithm SHA-256 calls deprecated in favour of EVP, but EVP's first
   use loads providers and configuration (about 1.3 ms), a tenth of the shell's start-up. The
   direct calls compute the same digest at once. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

/// SHA-256 of `length` bytes at `bytes` into `digest` (32 bytes). Returns 1 on success.
static inline int claimdesk_sha256(const void *bytes, size_t length, unsigned char *digest) {
    SHA256_CTX context;
    if (!SHA256_Init(&context)) return 0;
    if (!SHA256_Update(&context, bytes, length)) return 0;
    return SHA256_Final(digest, &context);
}

#endif
