/* fingerprint.c - see fingerprint.h.  The walk over the engine's roots is here; each module
 * walks its own structs (loop_fingerprint, timers_fingerprint, ...). */
#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "interp.h"

void fp_origin(ls_fp *fp, ls_origin o)
{
    fp_str(fp, o.api);
    fp_str(fp, o.label);
}

void fp_value(ls_fp *fp, ls_value v)
{
    fp_u64(fp, v.kind);
    switch (v.kind) {
    case LV_UNDEFINED:
    case LV_NULL:
        return;
    case LV_BOOL:
        fp_bool(fp, v.as.boolean);
        return;
    case LV_NUMBER:
        fp_double(fp, v.as.number);
        return;
    case LV_STRING:
        fp_str(fp, v.as.string);
        return;
    case LV_ARRAY:
        if (fp_object(fp, v.as.array)) {
            fp_u64(fp, v.as.array->len);
            for (size_t i = 0; i < v.as.array->len; i++)
                fp_value(fp, v.as.array->items[i]);
        }
        return;
    case LV_FUNCTION:
    case LV_THENABLE:
        interp_fingerprint_function(fp, v.kind == LV_FUNCTION ? v.as.function : v.as.thenable);
        return;
    case LV_PROMISE:
        promise_fingerprint(fp, v.as.promise);
        return;
    case LV_TIMEOUT:
        timers_fingerprint_timer(fp, v.as.timer);
        return;
    case LV_IMMEDIATE:
        immediates_fingerprint_immediate(fp, v.as.immediate);
        return;
    case LV_EMITTER:
        interp_fingerprint_emitter(fp, v.as.emitter);
        return;
    }
    fp_refuse(fp);
}

bool engine_fingerprint(ls_engine *e, ls_fingerprint *out)
{
    ls_fp fp;
    fp_begin(&fp);

    /* the process */
    fp_bool(&fp, e->printed_once);
    fp_bool(&fp, e->exiting);
    fp_i64(&fp, e->exit_code);
    fp_u64(&fp, e->stop);
    fp_u64(&fp, e->callbacks_run);
    fp_u64(&fp, e->phase);
    fp_i64(&fp, e->call_depth);
    if (e->stop != STOP_NONE || e->call_depth != 0 || e->out.nopen != 0)
        fp_refuse(&fp);

    clock_fingerprint(&e->clock, &fp, e->iteration);
    loop_fingerprint(e, &fp);
    timers_fingerprint(e, &fp);
    immediates_fingerprint(e, &fp);
    tasks_fingerprint(e, &fp);
    io_fingerprint(e, &fp);
    interp_fingerprint_emitter(&fp, e->process);
    interp_fingerprint_env(&fp, e->globals);

    return fp_end(&fp, &out->a, &out->b);
}
