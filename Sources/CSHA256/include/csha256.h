#ifndef ANNALS_CSHA256_H
#define ANNALS_CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and the SSSE3/SSE4.1 they are used with), else 0.
int annals_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (a..h, host order) with the SHA
/// instructions. Call only when `annals_sha256_hardware_available()` is 1.
void annals_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);
#endif
