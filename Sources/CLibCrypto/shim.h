#ifndef CLAIMDESK_CLIBCRYPTO_SHIM_H
#define CLAIMDESK_CLIBCRYPTO_SHIM_H

#include <openssl/evp.h>

/// SHA-256 of `length` bytes at `bytes` into `digest` (32 bytes). Returns 1 on success.
static inline int claimdesk_sha256(const void *bytes, size_t length, unsigned char *digest) {
    unsigned int size = 0;
    return EVP_Digest(bytes, length, digest, &size, EVP_sha256(), NULL);
}

#endif
