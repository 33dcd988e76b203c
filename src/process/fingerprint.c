/* fingerprint.c - see fingerprint.h.  The walk over the engine's roots is here; each module
 * walks its own structs (loop_fingerprint, timers_fingerprint, ...), and the VM walks what
 * the program's values reach (js_fingerprint_value). */
#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

void fp_origin(ls_fp *fp, ls_origin o)
{
    fp_str(fp, o.api);
    fp_str(fp, o.label);
}

void fp_value(ls_fp *fp, js_value v)
{
    js_fingerprint_value(fp->ctx, fp, v);
}

bool engine_fingerprint(ls_engine *e, ls_fingerprint *out)
{
    ls_fp fp;
    fp_begin(&fp);
    fp.ctx = e->host.vm;

    /* the process */
    fp_bool(&fp, e->printed_once);
    fp_bool(&fp, e->exiting);
    fp_i64(&fp, e->exit_code);
    fp_u64(&fp, e->stop);
    fp_u64(&fp, e->callbacks_run);
    fp_u64(&fp, e->ops_run < LS_OPS_COLD ? e->ops_run : LS_OPS_COLD); /* past it, all alike */
    fp_u64(&fp, e->phase);
    if (e->stop != STOP_NONE || e->out.nopen != 0 || js_in_javascript(e->host.vm))
        fp_refuse(&fp);

    int pending[DBM_MAX];
    int npending = io_pending_instants(e, pending, DBM_MAX);
    if (npending < 0) {
        fp_refuse(&fp);
        npending = 0;
    }
    clock_fingerprint(&e->clock, &fp, e->iteration, pending, npending);
    loop_fingerprint(e, &fp);
    timers_fingerprint(e, &fp);
    immediates_fingerprint(e, &fp);
    tasks_fingerprint(e, &fp);
    io_fingerprint(e, &fp);
    fs_fingerprint(e, &fp);
    tcp_fingerprint(e, &fp);
    host_fingerprint(e, &fp);

    return fp_end(&fp, &out->a, &out->b);
}
