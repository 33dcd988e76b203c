/* crypto.c - Node's crypto module as the event-loop quizzes use it: key derivations and random
 * bytes, each one job of libuv's thread pool.
 *
 * What orders callbacks is that these jobs share the pool with fs (4 threads unless
 * UV_THREADPOOL_SIZE says otherwise) and how long each holds a thread, so each asynchronous
 * call here is one pool request (io.h ls_pool_job) of one trip, whose callback Node calls from
 * the job's completion in the poll phase, in that completion's callback scope, with no tick or
 * promise between (Node 10, 12: the request's `ondone` is the wrapped callback,
 * lib/internal/crypto/pbkdf2.js @v10.7.0 pbkdf2 -> _pbkdf2(..., wrap); from 15 a CryptoJob whose
 * ondone calls the callback, lib/internal/crypto/pbkdf2.js @v20.20.2 pbkdf2: job.ondone, job.run();
 * src/crypto/crypto_util.h CryptoJob::AfterThreadPoolWork).  A trip takes a round trip of the
 * pool (io_latency_ms) plus the work itself on the thread:
 *
 *   pbkdf2(pw, salt, iterations, keylen, digest, cb)   iterations x ceil(keylen / the digest's
 *                                                      size) x the digest's pbkdf2_*_ms / 1000
 *   scrypt(pw, salt, keylen[, options], cb)            scrypt_ms x N*r*p / (16384*8*1)
 *   randomBytes(size, cb)                              the round trip only; from Node 15 a size
 *                                                      of 0 calls back at once, synchronously
 *                                                      (lib/internal/crypto/random.js @v20.20.2
 *                                                      randomFill: `if (size === 0) { callback(
 *                                                      null, buf); return; }`)
 *
 * The *Sync forms spend that work on the main thread.  The bytes of a key or of random bytes
 * are not computed: a Buffer of the right length whose bytes, read, stop the run with a message
 * (host_new_unknown_buffer).  Arguments are checked as Node checks them where a quiz can get
 * them wrong (a missing callback or digest, per version); other arguments loopsim does not
 * model (a digest it has no cost for, a password that is neither a string nor a Buffer, ...)
 * stop the run, named.
 */
#include "node/crypto.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

/* the digests with a cost: their output size (a PBKDF2 block) and the costs.def row */
static const struct {
    const char *name;
    size_t bytes;
    size_t cost;   /* offsetof ls_costs */
} digests[] = {
    {"sha1", 20, offsetof(ls_costs, pbkdf2_sha1)},
    {"sha224", 28, offsetof(ls_costs, pbkdf2_sha256)},
    {"sha256", 32, offsetof(ls_costs, pbkdf2_sha256)},
    {"sha384", 48, offsetof(ls_costs, pbkdf2_sha512)},
    {"sha512", 64, offsetof(ls_costs, pbkdf2_sha512)},
};

typedef struct {
    ls_pool_job job;
    size_t len;        /* the Buffer's */
    const char *what;  /* its bytes, in the words of the message that refuses them */
} crypto_req;

/* `units` times a work row, on top of the pool's round trip (each end of the range scaled) */
static ls_cost work_cost(const ls_cost *row, double units, const ls_cost *round_trip)
{
    ls_cost c = {0};
    c.ms = units * row->ms;
    c.lo = units * row->lo;
    c.hi = units * row->hi;
    if (round_trip) {
        c.ms += round_trip->ms;
        c.lo += round_trip->lo;
        c.hi += round_trip->hi;
    }
    return c;
}

static bool complete(ls_engine *e, ls_pool_job *job)
{
    crypto_req *r = job->data;
    job->args[0] = js_null();
    job->args[1] = host_new_unknown_buffer(e, r->len, r->what);
    job->nargs = 2;
    return false;
}

static js_status submit(ls_engine *e, const char *api, js_value cb, ls_cost latency, size_t len,
                        const char *what, js_value *out)
{
    crypto_req *r = arena_alloc(e->arena, sizeof *r);
    r->len = len;
    r->what = what;
    ls_fs_site site = host_fs_site(e); /* a JSON scenario's "latency_ms" pins the whole job */
    if (site.latency_ms >= 0)
        latency = cost_point(site.latency_ms);
    io_pool_job_init(e, &r->job, api, cb, latency, api + strlen("crypto."), complete, r);
    *out = js_undefined();
    return io_pool_submit(e, &r->job) ? JS_OK : JS_STOP;
}

/* ---- arguments ------------------------------------------------------------------------------- */

/* a password or salt: a string or one of loopsim's Buffers (its bytes are not needed) */
static bool key_material(ls_engine *e, const char *api, const char *name, js_value v)
{
    if (v.type == JS_TSTRING || host_is_buffer(v))
        return true;
    host_refuse(e, "%s: loopsim models a %s that is a string or a Buffer", api, name);
    return false;
}

/* an integer in [lo, hi] */
static bool integer_arg(ls_engine *e, const char *api, const char *name, js_value v, double lo,
                        double hi, double *out)
{
    if (v.type == JS_TNUMBER && v.u.number == floor(v.u.number) && v.u.number >= lo &&
        v.u.number <= hi) {
        *out = v.u.number;
        return true;
    }
    host_refuse(e, "%s: loopsim models a %s that is an integer from %.0f to %.0f", api, name, lo,
                hi);
    return false;
}

#define MAX_KEYLEN 1048576.0 /* 1 MiB: loopsim's bound, far above what a quiz derives */

/* ---- pbkdf2 ---------------------------------------------------------------------------------- */

/* The digest: the cost of its blocks, *block its size; JS_THROW as Node throws for a missing one
 * (lib/internal/crypto/pbkdf2.js check: validateString(digest, 'digest'); before 14,
 * "string or null", where null meant sha1), JS_STOP for one loopsim has no cost for. */
static js_status digest_arg(ls_engine *e, const char *api, js_value v, const ls_cost **row,
                            size_t *block)
{
    if (v.type == JS_TUNDEFINED) {
        if (e->profile->process.pbkdf2_digest_required)
            return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"digest\" argument must be "
                                   "of type string. Received undefined");
        if (e->profile->process.arg_type_received_plain)
            return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"digest\" argument must be "
                                   "of type string or null. Received undefined");
        return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"digest\" argument must be one "
                               "of type string or null. Received type undefined");
    }
    if (v.type == JS_TSTRING) {
        const char *s = js_string_chars(v.u.string, NULL);
        for (size_t i = 0; i < sizeof digests / sizeof digests[0]; i++)
            if (strcasecmp(s, digests[i].name) == 0) { /* OpenSSL's names ignore case */
                *row = (const ls_cost *)((const char *)&e->costs + digests[i].cost);
                *block = digests[i].bytes;
                return JS_OK;
            }
    }
    host_refuse(e, "%s: loopsim models the digests sha1, sha224, sha256, sha384 and sha512 "
                "(got %s)", api, host_inspect(e, v));
    return JS_STOP;
}

/* pbkdf2(password, salt, iterations, keylen, digest, callback) and pbkdf2Sync(... digest) */
static js_status pbkdf2_args(const js_args *a, const char *api, bool sync, js_value *cb,
                             ls_cost *work, size_t *keylen)
{
    ls_engine *e = engine_of(a);
    js_value digest = js_arg(a, 4);
    *cb = js_arg(a, 5);
    if (!sync && js_is_callable(digest)) { /* the digest left out: checked as missing */
        *cb = digest;
        digest = js_undefined();
    }
    double iterations, len;
    if (!key_material(e, api, "password", js_arg(a, 0)) ||
        !key_material(e, api, "salt", js_arg(a, 1)) ||
        !integer_arg(e, api, "iterations count", js_arg(a, 2), 1, 2147483647.0, &iterations) ||
        !integer_arg(e, api, "key length", js_arg(a, 3), 1, MAX_KEYLEN, &len))
        return JS_STOP;
    const ls_cost *row = NULL;
    size_t block = 1;
    js_status st = digest_arg(e, api, digest, &row, &block);
    if (st == JS_OK && !sync)
        st = host_callback_arg(e, *cb, "callback");
    if (st != JS_OK)
        return st;
    double blocks = ceil(len / (double)block);
    *work = work_cost(row, iterations * blocks / 1000.0, NULL);
    *keylen = (size_t)len;
    return JS_OK;
}

/* ---- scrypt ---------------------------------------------------------------------------------- */

/* scrypt(password, salt, keylen[, options], callback), scryptSync(password, salt, keylen[,
 * options]): N (cost), r (blockSize), p (parallelization) from the options, 16384, 8, 1 by
 * default (lib/internal/crypto/scrypt.js check); what N*r*p they make */
static js_status scrypt_args(const js_args *a, const char *api, bool sync, js_value *cb,
                             ls_cost *work, size_t *keylen)
{
    ls_engine *e = engine_of(a);
    js_value options = js_arg(a, 3);
    *cb = js_arg(a, 4);
    if (!sync && js_is_callable(options)) {
        *cb = options;
        options = js_undefined();
    }
    double len;
    if (!key_material(e, api, "password", js_arg(a, 0)) ||
        !key_material(e, api, "salt", js_arg(a, 1)) ||
        !integer_arg(e, api, "key length", js_arg(a, 2), 1, MAX_KEYLEN, &len))
        return JS_STOP;
    double param[3] = {16384, 8, 1};
    static const char *const names[3][2] = {{"N", "cost"}, {"r", "blockSize"},
                                            {"p", "parallelization"}};
    if (options.type == JS_TOBJECT) {
        for (int i = 0; i < 3; i++) {
            int given = 0;
            for (int j = 0; j < 2; j++) {
                js_value v;
                if (js_get(e->host.vm, options, names[i][j], &v) != JS_OK)
                    return JS_THROW;
                if (js_is_undefined(v))
                    continue;
                if (given++) { /* Node: ERR_INCOMPATIBLE_OPTION_PAIR */
                    host_refuse(e, "%s: loopsim models one of %s and %s, not both", api,
                                names[i][0], names[i][1]);
                    return JS_STOP;
                }
                if (!integer_arg(e, api, names[i][j], v, i == 0 ? 2 : 1, 1048576, &param[i]))
                    return JS_STOP;
            }
        }
        js_value maxmem;
        if (js_get(e->host.vm, options, "maxmem", &maxmem) != JS_OK)
            return JS_THROW;
        if (!js_is_undefined(maxmem)) {
            host_refuse(e, "%s: loopsim does not model the maxmem option", api);
            return JS_STOP;
        }
    } else if (!js_is_undefined(options)) {
        host_refuse(e, "%s: loopsim models options that are an object", api);
        return JS_STOP;
    }
    /* N a power of two; 128*N*r within the default maxmem (32 MiB): Node's own errors there
     * (ERR_CRYPTO_INVALID_SCRYPT_PARAMS) are not modelled */
    uint64_t n = (uint64_t)param[0];
    if ((n & (n - 1)) != 0 || 128 * param[0] * param[1] > 32.0 * 1024 * 1024) {
        host_refuse(e, "%s: loopsim models N a power of two with 128*N*r within 32 MiB", api);
        return JS_STOP;
    }
    js_status st = sync ? JS_OK : host_callback_arg(e, *cb, "callback");
    if (st != JS_OK)
        return st;
    *work = work_cost(&e->costs.scrypt, param[0] * param[1] * param[2] / (16384.0 * 8), NULL);
    *keylen = (size_t)len;
    return JS_OK;
}

/* ---- the derivations, asynchronous or not --------------------------------------------------- */

typedef js_status (*derive_args)(const js_args *a, const char *api, bool sync, js_value *cb,
                                 ls_cost *work, size_t *keylen);

/* pbkdf2(..., cb), scrypt(..., cb): a pool job of a round trip plus the work; pbkdf2Sync,
 * scryptSync: the work on the main thread; both give a key of `keylen` unknown bytes */
static js_status derive(const js_args *a, const char *api, derive_args parse, bool sync,
                        js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb;
    ls_cost work;
    size_t keylen;
    js_status st = parse(a, api, sync, &cb, &work, &keylen);
    if (st != JS_OK)
        return st;
    const char *what = arena_printf(e->arena, "%s's key", api);
    if (sync) {
        engine_spend(e, work);
        *out = host_new_unknown_buffer(e, keylen, what);
        return JS_OK;
    }
    engine_spend(e, e->costs.api_call);
    return submit(e, api, cb, work_cost(&work, 1, &e->costs.io_latency), keylen, what, out);
}

static js_status crypto_pbkdf2(const js_args *a, js_value *out)
{
    return derive(a, "crypto.pbkdf2", pbkdf2_args, false, out);
}

static js_status crypto_pbkdf2_sync(const js_args *a, js_value *out)
{
    return derive(a, "crypto.pbkdf2Sync", pbkdf2_args, true, out);
}

static js_status crypto_scrypt(const js_args *a, js_value *out)
{
    return derive(a, "crypto.scrypt", scrypt_args, false, out);
}

static js_status crypto_scrypt_sync(const js_args *a, js_value *out)
{
    return derive(a, "crypto.scryptSync", scrypt_args, true, out);
}

/* ---- randomBytes ----------------------------------------------------------------------------- */

/* randomBytes(size[, callback]): without a callback, synchronous */
static js_status crypto_random_bytes(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    double size;
    if (!integer_arg(e, "crypto.randomBytes", "size", js_arg(a, 0), 0, MAX_KEYLEN, &size))
        return JS_STOP;
    js_value cb = js_arg(a, 1);
    const char *what = "crypto.randomBytes's bytes";
    engine_spend(e, e->costs.api_call);
    if (js_is_undefined(cb)) {
        *out = host_new_unknown_buffer(e, (size_t)size, what);
        return JS_OK;
    }
    js_status st = host_callback_arg(e, cb, "callback");
    if (st != JS_OK)
        return st;
    if (size == 0 && e->profile->process.random_bytes_zero_sync) {
        js_value args[2] = {js_null(), host_new_unknown_buffer(e, 0, what)}, ignored;
        *out = js_undefined();
        return js_call(e->host.vm, cb, js_undefined(), 2, args, &ignored);
    }
    return submit(e, "crypto.randomBytes", cb, e->costs.io_latency, (size_t)size, what, out);
}

/* ---- the module ------------------------------------------------------------------------------ */

js_value crypto_module(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value m = js_new_object(vm);
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
    } calls[] = {
        {"pbkdf2", 6, crypto_pbkdf2},
        {"pbkdf2Sync", 5, crypto_pbkdf2_sync},
        {"scrypt", 5, crypto_scrypt},
        {"scryptSync", 4, crypto_scrypt_sync},
        {"randomBytes", 2, crypto_random_bytes},
    };
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        host_export(e, m.u.object, calls[i].name, calls[i].length, calls[i].fn);
    static const char *const refused[] = {
        "createHash", "createHmac", "createCipheriv", "createDecipheriv", "createSign",
        "createVerify", "createECDH", "createDiffieHellman", "generateKeyPair",
        "generateKeyPairSync", "generateKey", "generateKeySync", "hkdf", "hkdfSync",
        "randomFill", "randomFillSync", "randomInt", "randomUUID", "getRandomValues",
        "timingSafeEqual", "getHashes", "getCiphers", "publicEncrypt", "privateDecrypt",
        "sign", "verify", "createSecretKey", "createPublicKey", "createPrivateKey", "hash",
        "pseudoRandomBytes", "prng", "rng",
    };
    host_refuse_names(e, m.u.object, "crypto.", refused, sizeof refused / sizeof refused[0],
                      false);
    return m;
}
