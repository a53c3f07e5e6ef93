// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but they hash with the
// same SHA-extension code without EVP's start-up: fetching providers, reading openssl.cnf and
// loading error strings, several hundred functions run once in every process that hashes.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <openssl/evp.h>
