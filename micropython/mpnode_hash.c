// The native half of pylib/hashlib.py (issue 12: "hashing 1 MiB with
// sha256 under wasmi within 1 s"; pure Python took minutes). One entry,
// `_mpn_hash.block(kind, state, data, k, start)`, runs the compression
// function over every whole block of `data` from `start` on:
//   kind 0: MD5 (RFC 1321), 64-byte blocks, 32-bit little-endian words;
//   kind 1: SHA-256 (FIPS 180-4; also SHA-224), 64-byte blocks, 32-bit words;
//   kind 2: SHA-512 (also SHA-384, SHA-512/224, SHA-512/256), 128-byte blocks;
//   kind 3: SHA-1, only when MPN_HASH_SHA1 (mpconfigport.h; `_mpn_hash.sha1`
//           tells hashlib.py), else it stays pure Python.
// `state` is a bytearray of 8 words, `k` the bytes of the round constants
// (64 or 80), each word 64-bit little-endian (wasm's own order, so read
// in place; 32-bit values in 64-bit slots; MD5 uses the first 4 state
// words, the other 4 are scratch).
// hashlib.py makes the tables: they cost the runtime nothing, and a node
// that never imports hashlib pays only for this code. Buffering, padding
// and everything else stay in Python. Written compact, not unrolled: the
// no-compiler runtime's size budget is tight.
#include <string.h>
#include "py/runtime.h"

typedef uint64_t u64;
typedef uint32_t u32;

// n bytes at p as a word: big-endian, or little-endian when le.
static u64 ld(const byte *p, int n, int le) {
    u64 v = 0;
    for (int i = 0; i < n; i++) {
        v = v << 8 | p[le ? n - 1 - i : i];
    }
    return v;
}

// SHA-2's rotation counts: Σ0, Σ1, σ0, σ1 (σ's third one is a shift).
static const byte sha2_rot[2][12] = {
    {2, 13, 22, 6, 11, 25, 7, 18, 3, 17, 19, 10},
    {28, 34, 39, 14, 18, 41, 1, 8, 7, 19, 61, 6},
};

// MD5: per round, the shifts and the message index's factor and offset.
static const byte md5_s[4][6] = {
    {7, 12, 17, 22, 1, 0},
    {5, 9, 14, 20, 5, 1},
    {4, 11, 16, 23, 3, 5},
    {6, 10, 15, 21, 7, 0},
};

// The word of b bits (32 or 64) in x, rotated right by n.
static u64 rotr(u64 x, int n, int b) {
    return x >> n | x << (b - n);
}

static u64 sigma(u64 x, const byte *r, int b, bool small) {
    return rotr(x, r[0], b) ^ rotr(x, r[1], b) ^ (small ? x >> r[2] : rotr(x, r[2], b));
}

STATIC mp_obj_t hash_block(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    int kind = mp_obj_get_int(args[0]);
    mp_buffer_info_t s, d, kb;
    mp_get_buffer_raise(args[1], &s, MP_BUFFER_WRITE);
    mp_get_buffer_raise(args[2], &d, MP_BUFFER_READ);
    mp_get_buffer_raise(args[3], &kb, MP_BUFFER_READ);
    int w = kind == 2 ? 8 : 4, b = w * 8, bs = w * 16, rounds = kind >= 2 ? 80 : 64, le = kind == 0;
    u64 mask = kind == 2 ? ~(u64)0 : 0xffffffff;
    if (s.len < 64 || kb.len < 640) {
        mp_raise_ValueError(NULL);
    }
    u64 W[80], a[8], *h = s.buf;
    const u64 *K = kb.buf;
    const byte *r = sha2_rot[kind == 2];
    for (size_t at = mp_obj_get_int(args[4]); at + bs <= d.len; at += bs) {
        const byte *m = (const byte *)d.buf + at;
        memcpy(a, h, sizeof(a));
        for (int t = 0; t < (le ? 16 : rounds); t++) {
            W[t] = t < 16 ? ld(m + t * w, w, le)
#if MPN_HASH_SHA1
                : kind == 3 ? rotr(W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16], 31, 32) & mask
#endif
                : (W[t - 16] + sigma(W[t - 15], r + 6, b, true) + W[t - 7] + sigma(W[t - 2], r + 9, b, true)) & mask;
        }
        for (int t = 0; t < rounds; t++) {
            u64 x = a[0], y = a[1], z = a[2], e = a[3];
            if (le) {
                // MD5: a[0..3] are A, B, C, D.
                const byte *q = md5_s[t >> 4];
                u32 f = t < 16 ? e ^ (y & (z ^ e)) : t < 32 ? z ^ (e & (y ^ z)) : t < 48 ? y ^ z ^ e : z ^ (y | ~e);
                f += x + K[t] + W[(q[4] * t + q[5]) & 15];
                a[0] = e;
                a[3] = z;
                a[2] = y;
                a[1] = (y + rotr(f, 32 - q[t & 3], 32)) & mask;
                continue;
            }
#if MPN_HASH_SHA1
            if (kind == 3) {
                // SHA-1: a[0..4] are A, B, C, D, E.
                u64 f = t < 20 ? e ^ (y & (z ^ e)) : t < 40 || t >= 60 ? y ^ z ^ e : (y & (z | e)) | (z & e);
                f += rotr(x, 27, 32) + a[4] + K[t] + W[t];
                memmove(a + 1, a, 4 * sizeof(u64));
                a[2] = rotr(y, 2, 32) & mask;
                a[0] = f & mask;
                continue;
            }
#endif
            e = a[4];
            u64 t1 = a[7] + sigma(e, r + 3, b, false) + (a[6] ^ (e & (a[5] ^ a[6]))) + K[t] + W[t];
            u64 t2 = sigma(x, r, b, false) + ((x & (y | z)) | (y & z));
            memmove(a + 1, a, 7 * sizeof(u64));
            a[4] = (a[4] + t1) & mask;
            a[0] = (t1 + t2) & mask;
        }
        for (int t = 0; t < 8; t++) {
            h[t] = (h[t] + a[t]) & mask;
        }
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(hash_block_obj, 5, 5, hash_block);

STATIC const mp_rom_map_elem_t hash_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR__mpn_hash) },
    { MP_ROM_QSTR(MP_QSTR_block), MP_ROM_PTR(&hash_block_obj) },
    #if MPN_HASH_SHA1
    { MP_ROM_QSTR(MP_QSTR_sha1), MP_ROM_PTR(&mp_const_true_obj) },
    #endif
};
STATIC MP_DEFINE_CONST_DICT(hash_globals, hash_globals_table);

const mp_obj_module_t mpn_module_hash = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&hash_globals,
};
