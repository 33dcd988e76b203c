/* zlib.c - Node's zlib module as the event-loop quizzes use it: the convenience methods
 * (zlib.gzip(buf, cb), zlib.gunzip, deflate, inflate, deflateRaw, inflateRaw, unzip) and their
 * Sync forms.
 *
 * What orders their callbacks is the pool trips they make and where the callback comes from.
 * A convenience method is a zlib Transform stream that is written once and ended
 * (lib/zlib.js @v20.20.2 zlibBuffer: engine.end(buffer)), and each write of the stream's handle
 * is one job of libuv's thread pool (src/node_zlib.cc CompressionStream::Write<true> ->
 * ScheduleWork, a ThreadPoolWork; AfterThreadPoolWork calls the handle's write callback,
 * lib/zlib.js processCallback, in the poll phase).  Seen with a wrapped handle.write on 10.7.0,
 * 11.15.0, 12.22.12, 13.14.0, 14.0.0, 14.21.3, 16.20.2, 18.20.8, 20.20.2, 22.23.3, 24.21.0 alike:
 *
 *   1. end(buffer) writes the data first, before `ending` is set, so the first trip runs with
 *      Z_NO_FLUSH (ZlibBase.prototype._transform: the finish flag only for the last chunk of
 *      an ended stream); it starts synchronously, in the call.
 *   2. Each completion takes what the trip produced; while the output space ran out
 *      (availOutAfter === 0) the same chunk is written again at once, from the completion
 *      (processCallback: this.write(handle.flushFlag, ...)), into a fresh 16 KiB buffer once
 *      the old one is full (chunkSize, Z_DEFAULT_CHUNK).
 *   3. The chunk done, the Writable finishes: prefinish -> Transform's final -> _flush, which
 *      writes an empty chunk with Z_FINISH (ZlibBase.prototype._flush), again at once from the
 *      completion; repeated as in 2.
 *   4. Its last completion pushes null; 'end' is emitted from a tick (endReadable ->
 *      endReadableNT), and its listener calls the program's callback with the output
 *      (zlibBufferOnEnd).
 *
 * An error of zlib's (CompressionStream::CheckError: Z_NEED_DICT, Z_DATA_ERROR, ..., or
 * Z_BUF_ERROR left with output space under Z_FINISH, "unexpected end of file") ends the call at
 * that trip: zlibOnError destroys the stream with the error, which reaches the callback from a
 * tick (emitErrorCloseNT) from 14.0.0, and is emitted at once, in the completion, before
 * (profile.def zlib_error_from_tick).  A gunzip whose input goes on after a member reads the
 * next member, unless the next byte is 0 (trailing zeros are padding) (node_zlib.cc
 * ZlibContext::DoThreadPoolWork: ResetStream and inflate again).
 *
 * The trips are computed with the system's zlib at the call (the same calls with the same
 * arguments as Node's; the outcome does not depend on when they run), and each costs a pool
 * round trip (io_latency_ms) plus the data it handles (zlib_mib_ms per MiB in and out).  The
 * Sync forms write the whole input once with Z_FINISH (processChunkSync), on the main thread.
 *
 * Bytes: decompressed bytes are exact.  Compressed bytes are upstream zlib's, which is what
 * Node 10 and 11 give (checked on text of 17 B to 28 KB at every level); Node 12 and later
 * bundle Chromium's zlib, which finds other matches in some inputs, at some levels, in some
 * releases (profile.def zlib_deflate_chromium), so there a compressed Buffer's bytes and length
 * are not shown to the program: reading them stops the run, named (host_new_held_buffer), while
 * decompressing it gives the input back.
 */
#include "node/zlib.h"

#include <string.h>
#include <zlib.h>

#include "engine.h"

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

/* Node's modes (src/node_zlib.h node_zlib_mode), by the convenience method's name */
typedef enum { M_DEFLATE = 1, M_INFLATE, M_GZIP, M_GUNZIP, M_DEFLATERAW, M_INFLATERAW,
               M_UNZIP } zmode;

static bool compresses(zmode m)
{
    return m == M_DEFLATE || m == M_GZIP || m == M_DEFLATERAW;
}

/* the options loopsim takes: Node's defaults (lib/zlib.js Zlib) */
typedef struct {
    int level, window_bits, mem_level, strategy;
    size_t chunk;
} zopts;

/* ---- the computation: Node's trips over the system's zlib ------------------------------------ */

typedef struct {
    z_stream s;
    zmode mode;
    bool gunzip;       /* reads members one after another (GUNZIP, or UNZIP that found gzip) */
    char *out;         /* everything produced */
    size_t out_len, out_cap;
    double *trip_mib;  /* the data each trip handled */
    int ntrips, trips_cap;
    const char *err;   /* the failing trip's message (NULL: none) */
    int err_no;
} zrun;

static void out_put(ls_engine *e, zrun *z, const unsigned char *p, size_t n)
{
    if (n == 0)
        return;
    if (z->out_len + n > z->out_cap) {
        size_t cap = z->out_cap ? z->out_cap * 2 : 4096;
        while (cap < z->out_len + n)
            cap *= 2;
        char *grown = arena_alloc(e->arena, cap);
        if (z->out_len)
            memcpy(grown, z->out, z->out_len);
        z->out = grown;
        z->out_cap = cap;
    }
    memcpy(z->out + z->out_len, p, n);
    z->out_len += n;
}

static bool zrun_init(zrun *z, zmode mode, const zopts *o)
{
    memset(z, 0, sizeof *z);
    z->mode = mode;
    z->gunzip = mode == M_GUNZIP;
    int wb = o->window_bits;
    switch (mode) {
    case M_GZIP: case M_GUNZIP: wb += 16; break;
    case M_UNZIP: wb += 32; break;
    case M_DEFLATERAW: case M_INFLATERAW: wb = -wb; break;
    default: break;
    }
    if (compresses(mode))
        return deflateInit2(&z->s, o->level, Z_DEFLATED, wb, o->mem_level, o->strategy) == Z_OK;
    return inflateInit2(&z->s, wb) == Z_OK;
}

static void zrun_end(zrun *z)
{
    if (compresses(z->mode))
        deflateEnd(&z->s);
    else
        inflateEnd(&z->s);
}

/* The error name Node gives an errno (src/node_zlib.cc ZlibStrerror). */
static const char *zcode(int err)
{
    switch (err) {
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    case Z_STREAM_END: return "Z_STREAM_END";
    default: return "Z_OK";
    }
}

/* One write of the handle (ZlibContext::DoThreadPoolWork, then CheckError): `in`/`avail_in`
 * and `avail_out` as Node passes them; the output appended; false if zlib failed. */
static bool zwrite(ls_engine *e, zrun *z, int flush, const unsigned char *in, size_t avail_in,
                   size_t avail_out, size_t *in_after, size_t *out_after)
{
    unsigned char *buf = arena_alloc(e->arena, avail_out ? avail_out : 1);
    z->s.next_in = (unsigned char *)in;
    z->s.avail_in = (uInt)avail_in;
    z->s.next_out = buf;
    z->s.avail_out = (uInt)avail_out;
    int err;
    if (compresses(z->mode)) {
        err = deflate(&z->s, flush);
    } else {
        if (z->mode == M_UNZIP && z->s.total_in == 0 && avail_in >= 2 && in[0] == 0x1f &&
            in[1] == 0x8b)
            z->gunzip = true; /* UNZIP that finds a gzip header reads on as GUNZIP */
        err = inflate(&z->s, flush);
        while (z->s.avail_in > 0 && z->gunzip && err == Z_STREAM_END && z->s.next_in[0] != 0) {
            inflateReset(&z->s); /* another member, or trailing garbage */
            err = inflate(&z->s, flush);
        }
    }
    size_t produced = avail_out - z->s.avail_out;
    out_put(e, z, buf, produced);
    *in_after = z->s.avail_in;
    *out_after = z->s.avail_out;
    if (z->ntrips == z->trips_cap) {
        int cap = z->trips_cap ? z->trips_cap * 2 : 8;
        double *grown = arena_alloc(e->arena, (size_t)cap * sizeof *grown);
        if (z->ntrips)
            memcpy(grown, z->trip_mib, (size_t)z->ntrips * sizeof *grown);
        z->trip_mib = grown;
        z->trips_cap = cap;
    }
    z->trip_mib[z->ntrips++] = (double)(avail_in - z->s.avail_in + produced) / 1048576.0;
    /* CompressionStream::CheckError */
    const char *msg = NULL;
    switch (err) {
    case Z_OK:
    case Z_BUF_ERROR:
        if (z->s.avail_out != 0 && flush == Z_FINISH)
            msg = "unexpected end of file";
        break;
    case Z_STREAM_END:
        break;
    case Z_NEED_DICT:
        msg = "Missing dictionary";
        break;
    default:
        msg = "Zlib error";
    }
    if (msg) {
        z->err = arena_printf(e->arena, "%s", z->s.msg ? z->s.msg : msg);
        z->err_no = err;
        return false;
    }
    return true;
}

/* Writes one chunk as the stream does (processChunk + processCallback): again while the output
 * space runs out, in a fresh buffer once the current one is full.  *ended: input was left with
 * output space to spare (the stream pushed null). */
static bool write_chunk(ls_engine *e, zrun *z, int flush, const unsigned char *in, size_t len,
                        size_t chunk, size_t *out_off, bool *ended)
{
    size_t avail_in = len, off = 0;
    for (;;) {
        size_t avail_out = chunk - *out_off, in_after, out_after;
        if (!zwrite(e, z, flush, in + off, avail_in, avail_out, &in_after, &out_after))
            return false;
        *out_off += avail_out - out_after;
        if (out_after == 0 || *out_off >= chunk)
            *out_off = 0;
        if (out_after == 0) {
            off += avail_in - in_after;
            avail_in = in_after;
            continue;
        }
        if (in_after > 0)
            *ended = true;
        return true;
    }
}

/* The whole call: the data with Z_NO_FLUSH, then the flush with Z_FINISH (asynchronous), or the
 * data with Z_FINISH (Sync). */
static void zrun_call(ls_engine *e, zrun *z, const unsigned char *in, size_t len, size_t chunk,
                      bool sync)
{
    size_t off = 0;
    bool ended = false;
    if (sync) {
        write_chunk(e, z, Z_FINISH, in, len, chunk, &off, &ended);
        return;
    }
    if (write_chunk(e, z, Z_NO_FLUSH, in, len, chunk, &off, &ended))
        write_chunk(e, z, Z_FINISH, (const unsigned char *)"", 0, chunk, &off, &ended);
}

/* ---- arguments ------------------------------------------------------------------------------- */

static bool int_option(ls_engine *e, const char *api, js_value opts, const char *name, int lo,
                       int hi, int *out)
{
    js_value v;
    if (js_get(e->host.vm, opts, name, &v) != JS_OK)
        return false;
    if (js_is_undefined(v))
        return true;
    if (v.type == JS_TNUMBER && v.u.number >= lo && v.u.number <= hi &&
        v.u.number == (double)(int)v.u.number) {
        *out = (int)v.u.number;
        return true;
    }
    host_refuse(e, "%s: loopsim models the option %s an integer from %d to %d (got %s)", api,
                name, lo, hi, host_inspect(e, v));
    return false;
}

/* options: level, windowBits, memLevel, strategy, chunkSize within zlib's ranges; the others
 * (dictionary, info, flush, finishFlush, maxOutputLength, ...) stop the run */
static bool options_arg(ls_engine *e, const char *api, js_value v, zopts *o)
{
    *o = (zopts){Z_DEFAULT_COMPRESSION, 15, 8, Z_DEFAULT_STRATEGY, 16 * 1024};
    if (js_is_undefined(v) || v.type == JS_TNULL)
        return true;
    if (v.type != JS_TOBJECT || js_is_callable(v)) {
        host_refuse(e, "%s: loopsim models options that are an object", api);
        return false;
    }
    static const char *const refused[] = {"dictionary", "info", "flush", "finishFlush",
                                          "maxOutputLength", "params", "objectMode",
                                          "encoding", "highWaterMark"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        js_value x;
        if (js_get(e->host.vm, v, refused[i], &x) != JS_OK)
            return false;
        if (!js_is_undefined(x)) {
            host_refuse(e, "%s: loopsim does not model the option %s (it models level, "
                        "windowBits, memLevel, strategy and chunkSize)", api, refused[i]);
            return false;
        }
    }
    int chunk = (int)o->chunk;
    return int_option(e, api, v, "level", -1, 9, &o->level) &&
           int_option(e, api, v, "windowBits", 9, 15, &o->window_bits) &&
           int_option(e, api, v, "memLevel", 1, 9, &o->mem_level) &&
           int_option(e, api, v, "strategy", 0, 4, &o->strategy) &&
           int_option(e, api, v, "chunkSize", 64, 1 << 24, &chunk) &&
           ((o->chunk = (size_t)chunk), true);
}

/* the data: a string (UTF-8, Buffer.from's) or one of loopsim's Buffers */
static bool data_arg(ls_engine *e, const char *api, js_value v, const char **bytes, size_t *len)
{
    if (v.type == JS_TSTRING) {
        *bytes = js_string_chars(v.u.string, len);
        return true;
    }
    if (host_is_buffer(v))
        return host_buffer_held_bytes(e, v, bytes, len);
    host_refuse(e, "%s: loopsim models data that is a string or a Buffer (got %s)", api,
                host_inspect(e, v));
    return false;
}

/* ---- results --------------------------------------------------------------------------------- */

/* Node's error for the failed trip (lib/zlib.js zlibOnError) */
static js_value zerror(ls_engine *e, const zrun *z)
{
    js_vm *vm = e->host.vm;
    js_value err = js_new_error(vm, "Error", z->err);
    js_set(vm, err, "errno", js_number(z->err_no));
    js_set(vm, err, "code", js_new_cstring(vm, zcode(z->err_no)));
    return err;
}

static js_value output_buffer(ls_engine *e, zmode mode, const zrun *z, const char *api)
{
    const char *out = z->out ? z->out : ""; /* nothing came out: an empty Buffer */
    if (compresses(mode) && e->profile->process.zlib_deflate_chromium)
        return host_new_held_buffer(e, out, z->out_len,
                                    arena_printf(e->arena, "%s's output (the zlib Node 12 "
                                                 "and later bundle, Chromium's, compresses some "
                                                 "inputs to other bytes than upstream zlib)",
                                                 api));
    return host_new_buffer(e, out, z->out_len);
}

typedef struct {
    ls_pool_job job;
    zrun z;
    double pinned_ms;  /* a JSON scenario's "latency_ms": each trip's length (-1: none) */
    int trip_no;       /* trips done */
    js_value result;   /* the callback's arguments: an error, or the output */
    bool failed;
} zlib_req;

/* `base` plus `mib` MiB of zlib's work (zlib_mib_ms), each end of the range scaled */
static ls_cost work_cost(ls_engine *e, ls_cost base, double mib)
{
    base.ms += mib * e->costs.zlib_mib.ms;
    base.lo += mib * e->costs.zlib_mib.lo;
    base.hi += mib * e->costs.zlib_mib.hi;
    return base;
}

static ls_cost trip_cost(ls_engine *e, const zlib_req *r, double mib)
{
    if (r->pinned_ms >= 0)
        return cost_point(r->pinned_ms);
    return work_cost(e, e->costs.io_latency, mib);
}

static bool complete(ls_engine *e, ls_pool_job *job)
{
    zlib_req *r = job->data;
    r->trip_no++;
    if (r->trip_no < r->z.ntrips) {
        job->latency = trip_cost(e, r, r->z.trip_mib[r->trip_no]);
        return true; /* processCallback writes again, or _flush writes the flush */
    }
    js_value cb = job->callback;
    if (r->failed && !e->profile->process.zlib_error_from_tick) {
        job->args[0] = r->result; /* self.emit('error', error) in the completion */
        job->nargs = 1;
        return false;
    }
    js_value *args = arena_alloc(e->arena, 2 * sizeof *args);
    args[0] = r->failed ? r->result : js_null();
    args[1] = r->result;
    job->callback = js_undefined(); /* from a tick: endReadableNT, or emitErrorCloseNT */
    tasks_next_tick(e, cb, args, r->failed ? 1 : 2, job->origin);
    return false;
}

/* zlib.NAME(buffer[, options], callback) */
static js_status convenience(const js_args *a, zmode mode, const char *api, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value opts = js_arg(a, 1), cb = js_arg(a, 2);
    if (js_is_callable(opts)) {
        cb = opts;
        opts = js_undefined();
    }
    if (!js_is_callable(cb)) {
        if (!e->profile->process.zlib_callback_checked) {
            host_refuse(e, "%s: loopsim models the call with a callback (Node %s takes it without "
                        "one and fails later, inside zlibBufferOnEnd)", api, e->profile->first);
            return JS_STOP;
        }
        return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"callback\" argument must be of "
                               "type function. Received %s", host_received(e, cb));
    }
    zopts o;
    const char *bytes;
    size_t len;
    if (!options_arg(e, api, opts, &o) || !data_arg(e, api, js_arg(a, 0), &bytes, &len))
        return JS_STOP;
    engine_spend(e, e->costs.api_call);
    zlib_req *r = arena_alloc(e->arena, sizeof *r);
    memset(r, 0, sizeof *r);
    r->pinned_ms = host_fs_site(e).latency_ms; /* a JSON scenario's zlib.gzip */
    if (!zrun_init(&r->z, mode, &o)) {
        host_refuse(e, "%s: the system's zlib refused these options", api);
        return JS_STOP;
    }
    zrun_call(e, &r->z, (const unsigned char *)bytes, len, o.chunk, false);
    zrun_end(&r->z);
    r->failed = r->z.err != NULL;
    r->result = r->failed ? zerror(e, &r->z) : output_buffer(e, mode, &r->z, api);
    const char *trip = compresses(mode) ? "deflate" : "inflate";
    io_pool_job_init(e, &r->job, api, cb, trip_cost(e, r, r->z.trip_mib[0]), trip, complete, r);
    r->job.several = r->z.ntrips > 1;
    r->job.keep[0] = r->result;
    *out = js_undefined();
    return io_pool_submit(e, &r->job) ? JS_OK : JS_STOP;
}

/* zlib.NAMESync(buffer[, options]): the work on the main thread; zlib's error thrown */
static js_status convenience_sync(const js_args *a, zmode mode, const char *api, js_value *out)
{
    ls_engine *e = engine_of(a);
    zopts o;
    const char *bytes;
    size_t len;
    if (!options_arg(e, api, js_arg(a, 1), &o) || !data_arg(e, api, js_arg(a, 0), &bytes, &len))
        return JS_STOP;
    zrun z;
    if (!zrun_init(&z, mode, &o)) {
        host_refuse(e, "%s: the system's zlib refused these options", api);
        return JS_STOP;
    }
    zrun_call(e, &z, (const unsigned char *)bytes, len, o.chunk, true);
    zrun_end(&z);
    double mib = 0;
    for (int i = 0; i < z.ntrips; i++)
        mib += z.trip_mib[i];
    engine_spend(e, work_cost(e, e->costs.api_call, mib));
    if (z.err)
        return js_throw(e->host.vm, zerror(e, &z));
    *out = output_buffer(e, mode, &z, api);
    return JS_OK;
}

#define METHOD(fn, mode)                                                           \
    static js_status z_##fn(const js_args *a, js_value *out)                      \
    {                                                                              \
        return convenience(a, mode, "zlib." #fn, out);                             \
    }                                                                              \
    static js_status z_##fn##Sync(const js_args *a, js_value *out)                \
    {                                                                              \
        return convenience_sync(a, mode, "zlib." #fn "Sync", out);                 \
    }
METHOD(deflate, M_DEFLATE)
METHOD(inflate, M_INFLATE)
METHOD(gzip, M_GZIP)
METHOD(gunzip, M_GUNZIP)
METHOD(deflateRaw, M_DEFLATERAW)
METHOD(inflateRaw, M_INFLATERAW)
METHOD(unzip, M_UNZIP)
#undef METHOD

/* ---- the module ------------------------------------------------------------------------------ */

js_value zlib_module(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value m = js_new_object(vm);
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
    } calls[] = {
        {"deflate", 3, z_deflate},       {"deflateSync", 2, z_deflateSync},
        {"inflate", 3, z_inflate},       {"inflateSync", 2, z_inflateSync},
        {"gzip", 3, z_gzip},             {"gzipSync", 2, z_gzipSync},
        {"gunzip", 3, z_gunzip},         {"gunzipSync", 2, z_gunzipSync},
        {"deflateRaw", 3, z_deflateRaw}, {"deflateRawSync", 2, z_deflateRawSync},
        {"inflateRaw", 3, z_inflateRaw}, {"inflateRawSync", 2, z_inflateRawSync},
        {"unzip", 3, z_unzip},           {"unzipSync", 2, z_unzipSync},
    };
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        host_export(e, m.u.object, calls[i].name, calls[i].length, calls[i].fn);
    /* zlib.constants' Z_ entries and the modes (lib/zlib.js; src/node_zlib.cc DefineZlibConstants) */
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
        {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
        {"Z_BLOCK", Z_BLOCK}, {"Z_OK", Z_OK}, {"Z_STREAM_END", Z_STREAM_END},
        {"Z_NEED_DICT", Z_NEED_DICT}, {"Z_ERRNO", Z_ERRNO}, {"Z_STREAM_ERROR", Z_STREAM_ERROR},
        {"Z_DATA_ERROR", Z_DATA_ERROR}, {"Z_MEM_ERROR", Z_MEM_ERROR},
        {"Z_BUF_ERROR", Z_BUF_ERROR}, {"Z_VERSION_ERROR", Z_VERSION_ERROR},
        {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
        {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"DEFLATE", M_DEFLATE},
        {"INFLATE", M_INFLATE}, {"GZIP", M_GZIP}, {"GUNZIP", M_GUNZIP},
        {"DEFLATERAW", M_DEFLATERAW}, {"INFLATERAW", M_INFLATERAW}, {"UNZIP", M_UNZIP},
        {"Z_MIN_WINDOWBITS", 8}, {"Z_MAX_WINDOWBITS", 15}, {"Z_DEFAULT_WINDOWBITS", 15},
        {"Z_MIN_CHUNK", 64}, {"Z_DEFAULT_CHUNK", 16 * 1024}, {"Z_MIN_MEMLEVEL", 1},
        {"Z_MAX_MEMLEVEL", 9}, {"Z_DEFAULT_MEMLEVEL", 8}, {"Z_MIN_LEVEL", -1},
        {"Z_MAX_LEVEL", 9}, {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
    };
    js_value c = js_new_object(vm);
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        js_set(vm, c, constants[i].name, js_number(constants[i].value));
    js_set(vm, m, "constants", c);
    static const char *const refused[] = {
        "createDeflate", "createInflate", "createGzip", "createGunzip", "createDeflateRaw",
        "createInflateRaw", "createUnzip", "Deflate", "Inflate", "Gzip", "Gunzip",
        "DeflateRaw", "InflateRaw", "Unzip", "brotliCompress", "brotliCompressSync",
        "brotliDecompress", "brotliDecompressSync", "createBrotliCompress",
        "createBrotliDecompress", "BrotliCompress", "BrotliDecompress", "crc32",
        "zstdCompress", "zstdCompressSync", "zstdDecompress", "zstdDecompressSync",
        "createZstdCompress", "createZstdDecompress",
    };
    host_refuse_names(e, m.u.object, "zlib.", refused, sizeof refused / sizeof refused[0],
                      false);
    return m;
}
