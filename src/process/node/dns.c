/* dns.c - Node's dns.lookup: an address given as text comes back through a tick, a name is one
 * getaddrinfo job of the thread pool.
 *
 *   dns.lookup('127.0.0.1', cb)   isIP(hostname) is 4 or 6: process.nextTick(cb, null, hostname,
 *                                 family), no request at all (lib/dns.js lookup: `if
 *                                 (matchedFamily) { ... process.nextTick(callback, null,
 *                                 hostname, matchedFamily); return {}; }`, @v10.7.0 to @v24)
 *   dns.lookup('localhost', cb)   a GetAddrInfoReqWrap: uv_getaddrinfo, one job of the pool
 *                                 (dns_lookup_ms), its oncomplete (onlookup) called from the
 *                                 completion in the poll phase (src/cares_wrap.cc
 *                                 AfterGetAddrInfo, MakeCallback)
 *
 * libuv counts getaddrinfo as slow I/O: at most (threads + 1) / 2 such jobs run at once, the
 * others wait (src/threadpool.c slow_work_thread_threshold); loopsim refuses a lookup that would
 * have to wait so.  Names other than localhost are refused: what they resolve to, and how long
 * that takes, is the network's.  localhost is 127.0.0.1, family 4, as /etc/hosts says on the
 * machines the expected outputs come from (from Node 17 the order is getaddrinfo's, so a machine
 * whose /etc/hosts lists ::1 first gives ::1 there).
 */
#include "node/dns.h"

#include <arpa/inet.h>
#include <string.h>

#include "engine.h"

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

/* net.isIP: 4, 6 or 0 (lib/internal/net.js: IPv4 without leading zeros; IPv6 as inet_pton
 * reads it, a zone index refused by the caller) */
static int ip_family(const char *s)
{
    int parts = 0;
    const char *p = s;
    while (parts < 4) {
        int n = 0, digits = 0;
        if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
            break; /* a leading zero */
        while (*p >= '0' && *p <= '9' && digits < 4) {
            n = n * 10 + (*p++ - '0');
            digits++;
        }
        if (!digits || n > 255)
            break;
        parts++;
        if (parts < 4 && *p++ != '.')
            break;
    }
    if (parts == 4 && !*p)
        return 4;
    unsigned char buf[16];
    return strchr(s, ':') && inet_pton(AF_INET6, s, buf) == 1 ? 6 : 0;
}

typedef struct {
    ls_pool_job job;
    bool all;
} lookup_req;

static bool complete(ls_engine *e, ls_pool_job *job)
{
    lookup_req *r = job->data;
    js_vm *vm = e->host.vm;
    e->io.slow_jobs--;
    job->args[0] = js_null();
    if (r->all) {
        js_value entry = js_new_object(vm);
        js_define_value(vm, entry.u.object, "address", js_new_cstring(vm, "127.0.0.1"), true);
        js_define_value(vm, entry.u.object, "family", js_number(4), true);
        job->args[1] = js_new_array(vm, 1, &entry);
        job->nargs = 2;
    } else {
        job->args[1] = js_new_cstring(vm, "127.0.0.1");
        job->args[2] = js_number(4);
        job->nargs = 3;
    }
    return false;
}

/* lookup(hostname[, options], callback): options a family number or { family, all } */
static js_status dns_lookup(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_vm *vm = a->vm;
    js_value host = js_arg(a, 0), options = js_undefined(), cb = js_arg(a, 1);
    if (a->argc > 2) {
        options = js_arg(a, 1);
        cb = js_arg(a, 2);
    }
    js_status st = host_callback_arg(e, cb, "callback");
    if (st != JS_OK)
        return st;
    bool all = false;
    if (options.type == JS_TOBJECT) {
        js_value v;
        if (js_get(vm, options, "all", &v) != JS_OK)
            return JS_THROW;
        all = js_to_boolean(v);
        if (js_get(vm, options, "family", &v) != JS_OK)
            return JS_THROW;
        if (!js_is_undefined(v) && !(v.type == JS_TNUMBER && (v.u.number == 0 ||
                                                             v.u.number == 4))) {
            host_refuse(e, "dns.lookup: loopsim models the families 0 and 4");
            return JS_STOP;
        }
    } else if (!js_is_undefined(options) &&
               !(options.type == JS_TNUMBER && (options.u.number == 0 || options.u.number == 4))) {
        host_refuse(e, "dns.lookup: loopsim models options that are an object or the family 0 "
                    "or 4");
        return JS_STOP;
    }
    if (host.type != JS_TSTRING) {
        host_refuse(e, "dns.lookup: loopsim models a hostname that is a string");
        return JS_STOP;
    }
    const char *name = js_string_chars(host.u.string, NULL);
    engine_spend(e, e->costs.api_call);
    int family = ip_family(name);
    ls_origin origin = {"dns.lookup", host_label(e, cb), engine_next_seq(e)};
    *out = js_new_object(vm); /* Node returns {} here, the request object below */
    if (family) {
        js_value *args = arena_alloc(e->arena, 3 * sizeof *args);
        args[0] = js_null();
        size_t n = 3;
        if (all) {
            js_value entry = js_new_object(vm);
            js_define_value(vm, entry.u.object, "address", host, true);
            js_define_value(vm, entry.u.object, "family", js_number(family), true);
            args[1] = js_new_array(vm, 1, &entry);
            n = 2;
        } else {
            args[1] = host;
            args[2] = js_number(family);
        }
        tasks_next_tick(e, cb, args, n, origin);
        return JS_OK;
    }
    if (strcmp(name, "localhost") != 0) {
        host_refuse(e, "dns.lookup('%s'): loopsim models an IP address or 'localhost' (what "
                    "another name resolves to, and when, is the network's)", name);
        return JS_STOP;
    }
    lookup_req *r = arena_alloc(e->arena, sizeof *r);
    r->all = all;
    io_pool_job_init(e, &r->job, "dns.lookup", cb, e->costs.dns_lookup, "getaddrinfo", complete,
                     r);
    e->io.slow_jobs++;
    if (!io_pool_submit(e, &r->job))
        return JS_STOP;
    int threshold = (e->io.nthreads + 1) / 2;
    if (e->io.slow_jobs > threshold) {
        host_refuse(e, "loopsim does not model more than %d dns.lookup requests at once (libuv "
                    "runs at most (threads + 1) / 2 slow jobs together, and queues the others)",
                    threshold);
        return JS_STOP;
    }
    return JS_OK;
}

js_value dns_module(ls_engine *e)
{
    js_value m = js_new_object(e->host.vm);
    host_export(e, m.u.object, "lookup", 3, dns_lookup);
    static const char *const refused[] = {
        "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCname",
        "resolveCaa", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa",
        "resolveSrv", "resolveTxt", "reverse", "setServers", "getServers",
        "setDefaultResultOrder", "getDefaultResultOrder",
    };
    size_t n = sizeof refused / sizeof refused[0];
    host_refuse_names(e, m.u.object, "dns.", refused, n, false);
    js_value promises = js_new_object(e->host.vm);
    host_refuse_names(e, promises.u.object, "dns.promises.", refused, n, false);
    static const char *const lookup[] = {"lookup"};
    host_refuse_names(e, promises.u.object, "dns.promises.", lookup, 1, false);
    js_define_value(e->host.vm, m.u.object, "promises", promises, true);
    return m;
}

/* lib/dns.js: ObjectDefineProperty(lookup, customPromisifyArgs, ['address', 'family'])
 * (@v10.7.0, @v22.23.3) */
const char *const *dns_promisify_args(js_value fn)
{
    static const char *const lookup[] = {"address", "family", NULL};
    return js_native_function(fn) == dns_lookup ? lookup : NULL;
}
