/* crypto.h - Node's crypto module: key derivations and random bytes as thread-pool jobs; see
 * crypto.c. */
#ifndef LOOPSIM_CRYPTO_H
#define LOOPSIM_CRYPTO_H

#include "js.h"

typedef struct ls_engine ls_engine;

/* require('crypto'): pbkdf2, scrypt, randomBytes and their Sync forms; the other functions stop
 * the run with a message saying so. */
js_value crypto_module(ls_engine *e);

#endif
