/* engine.h - the runtime state of one simulated Node.js process, and the values its program
 * computes with.
 *
 * One `ls_engine` is one process: the virtual clock (clock.h), libuv's loop (loop.h: timer
 * handles, the poll phase, closing handles), Node's timer lists and immediate queue (timers.h,
 * immediates.h), the nextTick queue and the drain (tasks.h), the thread pool and sockets
 * (io.h), and the program's JavaScript with Node's globals (node/host.h: a VM of src/js, whose
 * promises and microtask queue are V8's part).  The process's own structs are allocated in
 * `arena` and live until the run ends; the program's values live in the VM's heap.
 */
#ifndef LOOPSIM_ENGINE_H
#define LOOPSIM_ENGINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "budget.h"
#include "clock.h"
#include "costs.h"
#include "heap.h"
#include "profile.h"
#include "program.h"
#include "types.h"


/* ---- the engine ------------------------------------------------------------------------ */

typedef enum {
    PHASE_MAIN,
    PHASE_TIMERS,
    PHASE_PENDING,
    PHASE_IDLE,
    PHASE_PREPARE,
    PHASE_POLL,
    PHASE_CHECK,
    PHASE_CLOSE,
    PHASE_BEFORE_EXIT,
    PHASE_EXIT,
    /* --env browser (browser/html.h): a task, a frame's rendering steps, an idle period */
    PHASE_TASK,
    PHASE_RENDER,
    PHASE_IDLE_PERIOD
} ls_phase;

const char *phase_name(ls_phase phase);

/* Why a run ended early. */
typedef enum {
    STOP_NONE,
    STOP_CALLBACK_LIMIT,
    STOP_TIME_LIMIT,
    STOP_PROCESS_EXIT,   /* process.exit(): not an error */
    STOP_FATAL,          /* uncaught exception or unhandled rejection: exit code 1 */
    STOP_BAD_INPUT,      /* the scenario asked for something impossible at run time: exit 2 */
    STOP_HANG,           /* nothing left to run, yet a handle keeps the loop alive forever */
    STOP_MERGED,         /* loopsim orders has explored the state this run reached */
    STOP_BUDGET          /* the search this run belongs to spent its budget (budget.h) */
} ls_stop;

/* loopsim orders' state merging (explore.c): called at the start of each loop iteration;
 * returning true stops the run there (STOP_MERGED). */
typedef bool (*ls_checkpoint_fn)(void *ctx, ls_engine *e);

typedef struct {
    uint64_t max_callbacks;  /* callbacks run, all kinds */
    int64_t max_time_ns;     /* virtual time */
    ls_budget *budget;       /* a search's runs: checked at every callback and loop iteration
                              * (NULL: none) */
    uint64_t random_seed;    /* not a limit but a setting every run of a command shares:
                              * Math.random's seed (--seed), the same in every run of a search
                              * so that only timing differs between them */
    /* called every few thousand operations of a run with the callbacks run and the virtual
     * clock (ms) so far: loopsim run's progress line on a terminal (NULL: none) */
    void (*progress)(void *ctx, uint64_t callbacks, double clock_ms);
    void *progress_ctx;
} ls_limits;

#include "browser/html.h"
#include "node/fs.h"
#include "node/host.h"
#include "node/tcp.h"
#include "immediates.h"
#include "io.h"
#include "loop.h"
#include "output.h"
#include "tasks.h"
#include "timers.h"

struct ls_engine {
    ls_arena *arena;
    const ls_program *program;
    ls_costs costs;
    const ls_profile *profile;
    ls_limits limits;

    ls_uv_loop loop;
    ls_timers timers;
    ls_immediates immediates;
    ls_tasks tasks;
    ls_io io;
    ls_fs fs;                 /* the files the program sees (node/fs.c) */
    ls_tcp_state tcp;         /* loopback TCP handles (node/tcp.c, for the prelude's http) */
    ls_html html;             /* --env browser: the page's event loop (browser/html.c) */
    ls_output out;

    ls_host host;             /* the program's JavaScript: its VM and Node's globals */
    bool printed_once;        /* the first console.log of the process has happened */
    bool exiting;             /* process._exiting: 'exit' is being emitted */
    int exit_code;
    ls_stop stop;
    const char *stop_message; /* for STOP_CALLBACK_LIMIT, STOP_TIME_LIMIT, STOP_FATAL */
    const char *fatal_report; /* STOP_FATAL: what Node prints on stderr (node/host.c) */
    uint64_t callbacks_run;
    uint32_t progress_ticks;  /* operations since limits.progress was last called */
    uint64_t ops_run;         /* bytecode instructions run (engine_spend_ops: cold, then hot) */
    uint64_t next_seq;
    uint64_t iteration;       /* loop iterations started */
    ls_phase phase;
    ls_checkpoint_fn checkpoint;
    void *checkpoint_ctx;
    ls_clock clock;           /* last: its zone is not cleared (engine_new_timed) */
};

/* In the words of timing decisions, an iteration's number stands between these two bytes
 * ("the poll phase of iteration \0012\002"), so that loopsim orders can tell it from the rest:
 * it keeps words relative to the state they were said in and shows them with the plain number
 * (explore.c); the state's fingerprint hashes them relative to the current iteration. */
#define LS_ITERATION_WORDS "\001%llu\002"

/* How a run treats time (clock.h): one nominal value per cost, a random draw, or every cost a
 * range with `oracle` taking the decisions. */
typedef struct {
    ls_clock_mode mode;
    uint64_t seed;      /* CLOCK_SAMPLED */
    ls_oracle *oracle;  /* CLOCK_RANGES; with it the run records its trace */
    ls_checkpoint_fn checkpoint; /* NULL: none */
    void *checkpoint_ctx;
} ls_timing;

/* Creates an engine for `program` (which must outlive it).  `costs` overrides the program's.
 * engine_new runs with the nominal costs. */
ls_engine *engine_new(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                      const ls_limits *limits);
ls_engine *engine_new_timed(const ls_program *program, const ls_costs *costs,
                            const ls_profile *profile, const ls_limits *limits,
                            const ls_timing *timing);
void engine_free(ls_engine *engine);
/* The costs a run of `program` under `profile` starts from: the defaults (costs.def), the
 * profile's timing defaults (profile.def), then the scenario's "timing". */
ls_costs engine_default_costs(const ls_program *program, const ls_profile *profile);
/* Runs the whole process: main script, event loop, beforeExit, exit.  Returns the exit code
 * Node would return. */
int engine_run(ls_engine *engine);

/* True once the run must unwind (a limit, process.exit() or a fatal error). */
static inline bool engine_stopped(const ls_engine *e)
{
    return e->stop != STOP_NONE;
}

/* Advances the clock by one operation's cost and enforces the time limit. */
void engine_spend(ls_engine *e, ls_cost cost);
/* Advances the clock by exactly `ms` (busy work). */
void engine_spend_exact(ls_engine *e, double ms);
/* Advances the clock by `ops` bytecode instructions (costs.def op_ms, exact). */
/* The instructions a process runs before its JavaScript is hot (engine_spend_ops). */
#define LS_OPS_COLD UINT64_C(800000)
void engine_spend_ops(ls_engine *e, uint64_t ops);
/* Counts one callback run against the limit; false (and the run stops) when it is exceeded. */
bool engine_count_callback(ls_engine *e);
uint64_t engine_next_seq(ls_engine *e);
/* The start of a loop iteration: the checkpoint hook, if any; true if the run must stop. */
bool engine_checkpoint(ls_engine *e);
/* Records what is queued now (timers, immediates, I/O in flight) when the output keeps
 * snapshots (loopsim explain): the first LS_DESCRIBE_MAX of each, then how many more. */
#define LS_DESCRIBE_MAX 20
void engine_snapshot(ls_engine *e);

#endif
