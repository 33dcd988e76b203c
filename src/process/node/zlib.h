/* zlib.h - Node's zlib module: the convenience methods as thread-pool jobs, and their Sync
 * forms; see zlib.c. */
#ifndef LOOPSIM_ZLIB_H
#define LOOPSIM_ZLIB_H

#include "js.h"

typedef struct ls_engine ls_engine;

/* require('zlib'): gzip, gunzip, deflate, inflate, deflateRaw, inflateRaw, unzip, their Sync
 * forms and constants; the streams and brotli stop the run with a message saying so. */
js_value zlib_module(ls_engine *e);

#endif
