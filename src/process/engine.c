/* engine.c - one simulated Node.js process from start to exit: the main script, then Node's
 * SpinEventLoop (src/api/embed_helpers.cc @v20): uv_run until the loop is not alive, then
 * 'beforeExit', which may make it alive again, then 'exit' (src/api/hooks.cc
 * EmitProcessExitInternal: process._exiting is set first, so nextTick is a no-op there). */
#include "engine.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>


const char *phase_name(ls_phase phase)
{
    static const char *names[] = {"main", "timers", "pending", "idle", "prepare",
                                  "poll", "check", "close", "beforeExit", "exit",
                                  "task", "rendering", "idle period"};
    return names[phase];
}

ls_engine *engine_new(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                      const ls_limits *limits)
{
    ls_timing nominal = {CLOCK_NOMINAL, 0, NULL, NULL, NULL};
    return engine_new_timed(program, costs, profile, limits, &nominal);
}

/* The words for "now" in a decision: what reads the clock, and where the run is. */
/* clock.h's moments: where the run is when something reads the clock, and in words. */
static ls_moment capture_now(void *ctx, const char *what)
{
    ls_engine *e = ctx;
    ls_moment m = {what, NULL, NULL, NULL, e->iteration, (int)e->phase, false};
    if (strncmp(what, "the ", 4) == 0) {
        /* a phase: named by its iteration alone */
        m.plain = strcmp(what, "the loop's start") == 0;
        m.phase = 0;
        return m;
    }
    const ls_output *o = &e->out;
    if (o->recording && o->nopen > 0) {
        const ls_record *r = &o->records[o->open[o->nopen - 1]];
        m.api = r->api;
        m.label = r->label;
        m.phase = 0;
    }
    return m;
}

static void describe_moment(void *ctx, const ls_moment *m, ls_text *t)
{
    (void)ctx;
    text_put(t, m->what);
    if (m->subject)
        text_put(text_put(text_put(t, " `"), m->subject), "`");
    if (strncmp(m->what, "the ", 4) == 0) { /* " of iteration " LS_ITERATION_WORDS */
        if (m->iteration == 0)
            text_put(t, " before the loop");
        else
            text_put(text_u64(text_put(t, " of iteration \001"), m->iteration), "\002");
    } else if (m->label && strcmp(m->label, "main script") != 0)
        text_put(text_put(text_put(text_put(text_put(t, " in the "), m->api), " callback `"),
                          m->label), "`");
    else if (m->label || m->phase == PHASE_MAIN)
        text_put(t, " in the main script");
    else
        text_put(text_put(text_put(t, " in the "), phase_name((ls_phase)m->phase)), " phase");
}

ls_engine *engine_new_timed(const ls_program *program, const ls_costs *costs,
                            const ls_profile *profile, const ls_limits *limits,
                            const ls_timing *timing)
{
    ls_arena *arena = arena_new();
    /* Everything is cleared but the clock's zone, which ends the struct: dbm_init writes what
     * it reads, and clearing the 52 KB matrix was a tenth of a search's time. */
    _Static_assert(offsetof(ls_engine, clock.zone) + sizeof(ls_dbm) == sizeof(ls_engine),
                   "the zone ends ls_engine");
    ls_engine *e = arena_alloc_raw(arena, sizeof *e);
    memset(e, 0, offsetof(ls_engine, clock.zone));
    e->arena = arena;
    e->program = program;
    e->costs = *costs;
    e->profile = profile;
    e->limits = *limits;
    clock_init(&e->clock, timing->mode, costs->clock_phase, timing->seed);
    if (timing->oracle) {
        e->clock.oracle = timing->oracle;
        e->clock.capture = capture_now;
        e->clock.describe = describe_moment;
        e->clock.describe_ctx = e;
        e->out.recording = true; /* the words name the running callback */
    }
    e->checkpoint = timing->checkpoint;
    e->checkpoint_ctx = timing->checkpoint_ctx;
    loop_init(e);
    timers_init(e);
    immediates_init(e);
    tasks_init(e);
    io_init(e);
    html_init(e);
    host_init(e);
    e->phase = PHASE_MAIN;
    return e;
}

ls_costs engine_default_costs(const ls_program *program, const ls_profile *profile)
{
    ls_costs c = program->costs;
    const ls_cost_info *bootstrap = costs_find("bootstrap_ms");
    if (!(program->costs_set & (1ull << (bootstrap - ls_cost_table)))) {
        /* the version's own, unless the scenario set one; its range scales with it */
        double scale = profile->bootstrap_ms / bootstrap->def;
        c.bootstrap.ms = profile->bootstrap_ms;
        c.bootstrap.lo = bootstrap->lo * scale;
        c.bootstrap.hi = bootstrap->hi * scale;
        c.bootstrap.tail = bootstrap->tail * scale;
    }
    return c;
}

void engine_free(ls_engine *e)
{
    if (!e)
        return;
    host_free(e);
    arena_free(e->arena);
}

/* The virtual time limit, and the budget of the search the run belongs to: every operation
 * costs time, so a long main script stops there too, not only between callbacks. */
static void check_time_limit(ls_engine *e)
{
    if (e->stop != STOP_NONE)
        return;
    if (e->limits.progress && ++e->progress_ticks >= 4096) {
        e->progress_ticks = 0;
        e->limits.progress(e->limits.progress_ctx, e->callbacks_run,
                           (double)clock_elapsed_ns(&e->clock) / 1e6);
    }
    if (clock_elapsed_ns(&e->clock) > e->limits.max_time_ns) {
        e->stop = STOP_TIME_LIMIT;
        e->stop_message = "the virtual time limit was reached (--max-time)";
    } else if (budget_time_spent(e->limits.budget)) { /* memory: between runs (explore.c) */
        e->stop = STOP_BUDGET;
        e->stop_message = "the search's budget ran out";
    }
}

void engine_spend(ls_engine *e, ls_cost cost)
{
    clock_spend(&e->clock, cost);
    check_time_limit(e);
}

void engine_spend_exact(ls_engine *e, double ms)
{
    clock_spend_exact(&e->clock, clock_ms_to_ns(ms));
    check_time_limit(e);
}

void engine_spend_ops(ls_engine *e, uint64_t ops)
{
    /* an instruction's cost is a point, in every clock mode: interpreted code takes the time
     * it takes, and only the costs of the API and of the process are ranges.  Two rates, as V8
     * tiers up: the process's first LS_OPS_COLD instructions cost op_ms (Ignition), the rest
     * op_hot_ms (optimized code).  Fitted to `for (let i = 0; i < N; i++) {}` on Node 20.20.2
     * (docs/timing-model.md): about 22 ns an iteration up to 1e5 iterations, 0.7 ns beyond;
     * such a loop is 8 instructions an iteration here. */
    uint64_t cold = 0;
    if (e->ops_run < LS_OPS_COLD)
        cold = ops < LS_OPS_COLD - e->ops_run ? ops : LS_OPS_COLD - e->ops_run;
    e->ops_run += ops;
    double ns = ((double)cold * e->costs.op.ms + (double)(ops - cold) * e->costs.op_hot.ms) * 1e6;
    clock_spend_exact(&e->clock, ns > 9e18 ? INT64_MAX / 4 : (int64_t)(ns + 0.5));
    check_time_limit(e);
}

bool engine_count_callback(ls_engine *e)
{
    if (engine_stopped(e))
        return false;
    if (++e->callbacks_run > e->limits.max_callbacks) {
        e->stop = STOP_CALLBACK_LIMIT;
        e->stop_message = "the callback limit was reached (--max-callbacks)";
        return false;
    }
    check_time_limit(e);
    return !engine_stopped(e);
}

uint64_t engine_next_seq(ls_engine *e)
{
    ++e->next_seq;
    if (e->out.recording)
        out_note_seq(e, e->next_seq);
    return e->next_seq;
}

/* ProcessEmit(env, event, code) through a callback scope: its ticks and microtasks drain
 * after the listeners (R9.2). */
static void emit_process_event(ls_engine *e, ls_phase phase, const char *event)
{
    if (host_listener_count(e, e->host.process, event) == 0)
        return;
    e->phase = phase;
    if (!engine_count_callback(e))
        return;
    tasks_scope_enter(e);
    ls_origin o = {"process.emit", event, engine_next_seq(e)};
    out_begin(e, o);
    engine_spend(e, e->costs.callback);
    if (!e->exit_code)
        e->exit_code = host_exit_code(e);
    js_value code = js_number(e->exit_code);
    host_emit_process(e, event, &code, 1);
    out_end(e);
    tasks_scope_exit(e);
}

static const char *placeholder(const ls_engine *e, ls_origin origin)
{
    return arena_printf(e->arena, "{%s}", origin.label);
}

bool engine_checkpoint(ls_engine *e)
{
    io_settle(e);
    check_time_limit(e);
    if (e->stop == STOP_BUDGET)
        return true;
    if (!e->checkpoint || engine_stopped(e) || !e->checkpoint(e->checkpoint_ctx, e))
        return false;
    e->stop = STOP_MERGED;
    return true;
}

void engine_snapshot(ls_engine *e)
{
    if (!e->out.recording || !e->out.snapshots)
        return;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    if (e->profile->is_browser) {
        html_describe(e, f, LS_DESCRIBE_MAX);
        fclose(f);
        out_snapshot(e, arena_strdup(e->arena, text));
        free(text);
        return;
    }
    fputs("timers: ", f);
    if (!timers_describe(e, f, placeholder, LS_DESCRIBE_MAX))
        fputs("none", f);
    fputs("\nimmediates: ", f);
    if (!immediates_describe(e, f, placeholder, LS_DESCRIBE_MAX))
        fputs("none", f);
    fputs("\nin flight: ", f);
    if (!io_describe(e, f, LS_DESCRIBE_MAX))
        fputs("nothing", f);
    fclose(f);
    out_snapshot(e, arena_strdup(e->arena, text));
    free(text);
}

int engine_run(ls_engine *e)
{
    if (e->profile->is_browser) {
        /* a page: its script, then the HTML event loop; it has no exit code */
        if (!engine_stopped(e))
            html_run(e);
        return e->exit_code;
    }
    if (!e->program->esm) {
        host_run_main(e);
    } else {
        switch (e->profile->esm_entry) {
        case ESM_NONE:
            /* Node 10 (no ES modules without a flag) runs an .mjs file as a CommonJS script,
             * and dies of a SyntaxError if it is none (ls_program.script_js) */
            if (e->program->script_js) {
                host_run_main_as_script(e);
                break;
            }
            if (e->program->script_error && e->program->script_error_line) {
                host_syntax_error(e, e->program->script_error_line,
                                  e->program->script_error_col, e->program->script_error);
                return e->exit_code;
            }
            e->stop = STOP_BAD_INPUT;
            e->stop_message = arena_printf(
                e->arena, "%s: $.module: error: an ES-module entry point needs Node 12.17 or "
                          "later without a flag; profile %s (Node %s to %s) has none",
                e->program->file, e->profile->id, e->profile->first, e->profile->last);
            return 2;
        case ESM_BEFORE_LOOP:
            host_run_module(e, NULL);
            break;
        case ESM_IN_POLL:
            io_call_from_poll(e, host_run_module, NULL);
            break;
        }
    }
    if (!engine_stopped(e))
        engine_spend(e, e->costs.bootstrap);

    engine_snapshot(e); /* what the main script left queued */

    bool more = false;
    do {
        if (engine_stopped(e))
            break;
        loop_run(e);
        if (engine_stopped(e))
            break;
        more = loop_alive(e);
        if (more)
            continue;
        emit_process_event(e, PHASE_BEFORE_EXIT, "beforeExit");
        more = loop_alive(e);
    } while (more && !engine_stopped(e));

    if (!engine_stopped(e)) {
        e->exiting = true;
        emit_process_event(e, PHASE_EXIT, "exit");
    }
    if (e->stop == STOP_FATAL && e->exit_code == 0)
        e->exit_code = 1;
    if (e->stop == STOP_NONE && !e->exit_code && e->host.vm)
        e->exit_code = host_exit_code(e);
    return e->exit_code;
}
