/* html.h - the browser's event loop: the HTML standard's processing model as Chromium runs it,
 * for `--env browser` (docs/browser.md).
 *
 * One loop, no phases.  A window event loop takes the oldest runnable task from its task
 * queues, runs it, performs a microtask checkpoint, and, when a rendering opportunity has come,
 * updates the rendering (HTML 8.1.7.3, "event loop processing model", steps 1-2, 7-8, 14.2).
 * Chromium's main-thread scheduler (base::sequence_manager) keeps the task queues; the tasks a
 * quiz makes all have the same priority, so the next task is the one enqueued first
 * (TaskQueueSelector: the oldest enqueue order among the queues of the highest priority), and
 * a delayed task (a timer with a delay) is enqueued only when the loop finds it due
 * (MoveReadyDelayedTasksToWorkQueues, run when the next task is selected), after every task
 * that was posted before that moment.
 *
 * What a quiz queues:
 *   timer tasks      setTimeout/setInterval (window.c: DOMTimer): delay 0 is a task at once,
 *                    a delay is a delayed task, due at its instant
 *   message tasks    MessagePort.postMessage, window.postMessage: a task at once
 *   frames           the page's first rendering update, then each requestAnimationFrame, asks
 *                    for one: a BeginMainFrame task, posted at the next vsync tick
 *                    (`frame_interval_ms` apart); its rendering steps run the animation frame
 *                    callbacks, each followed by a microtask checkpoint; once a task ends
 *                    100 ms after the last frame, the frame's task goes before the others
 *                    (Blink's starved rendering: html.c, rendering_starved)
 *   idle callbacks   requestIdleCallback: run when no task is runnable and no frame is wanted
 *                    (an idle period), one per task; with a timeout, also a delayed task
 *
 * Instants are the clock's (clock.h): each delayed task's due instant is a variable of the
 * zone, so `loopsim orders` explores which is due first and whether it is due yet, as io.c does
 * for I/O completions.  The zone holds at most DBM_MAX variables: a run with more delayed tasks
 * pending at once than that is refused with a message (docs/browser.md).
 */
#ifndef LOOPSIM_HTML_H
#define LOOPSIM_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "types.h"

typedef enum { HTML_TIMER, HTML_MESSAGE, HTML_FRAME, HTML_IDLE_TIMEOUT } ls_html_kind;

typedef struct ls_dom_timer ls_dom_timer;
typedef struct ls_idle_request ls_idle_request;

typedef struct ls_html_task {
    struct ls_html_task *next;
    ls_html_kind kind;
    int var;                   /* while delayed: the zone's variable of its due instant */
    uint64_t seq;              /* the posting order: ties between equal instants */
    ls_origin origin;
    ls_dom_timer *timer;       /* HTML_TIMER */
    ls_idle_request *idle;     /* HTML_IDLE_TIMEOUT */
    js_value target, data;     /* HTML_MESSAGE: the port (or window) and the message */
    bool cancelled;            /* clearTimeout, cancelIdleCallback: skipped when its turn comes */
} ls_html_task;

/* A DOMTimer (third_party/blink/renderer/core/frame/dom_timer.cc) */
struct ls_dom_timer {
    ls_dom_timer *next;        /* the active timers, by id */
    int id;
    js_value callback;         /* a function (a string is refused) */
    js_value *args;
    size_t nargs;
    double interval_ms;        /* the delay after clamping; setInterval's period */
    bool repeat;
    int nesting;               /* its task's timer nesting level (HTML 8.6) */
    ls_html_task *task;        /* its next task */
    ls_origin origin;
};

typedef struct {
    int id;
    js_value callback;
    bool cancelled;
    ls_origin origin;
} ls_frame_request;

struct ls_idle_request {
    ls_idle_request *next;
    int id;
    js_value callback;
    bool cancelled, done;
    ls_html_task *timeout;     /* its timeout's task, if it has one */
    ls_origin origin;
};

typedef struct {
    ls_html_task *delayed;                 /* not yet enqueued: timers with a delay, a frame */
    ls_html_task *ready_head, *ready_tail; /* enqueued, oldest first */
    ls_dom_timer *timers;                  /* active timers */
    int last_timer_id;
    int nesting;                           /* the running task's timer nesting level, else 0 */
    ls_frame_request *frame_cbs;           /* the map of animation frame callbacks */
    size_t nframe_cbs, frame_cbs_cap;
    int last_frame_id;
    ls_frame_request *running;             /* the callbacks of the frame being run */
    size_t nrunning;
    ls_html_task *frame;                   /* the frame asked for, while one is */
    int last_frame_var;                    /* the vsync tick of the last frame, or -1 */
    int frame_end_var;                     /* the end of the last frame (before the first: the
                                            * scheduler's epoch), from which rendering counts
                                            * as starved */
    int64_t starve_after_ns;               /* ... after this long */
    bool in_frame;                         /* the animation frame callbacks are running */
    ls_idle_request *idle_head, *idle_tail;
    int last_idle_id;
} ls_html;

void html_init(ls_engine *e);
/* The script's task, then the loop until nothing is left to run. */
void html_run(ls_engine *e);
void html_mark(ls_engine *e, js_vm *vm);
/* What is queued, for explain's snapshots: the tasks queued, the delayed tasks, the animation
 * frame callbacks and the idle callbacks, each list cut after `max` */
void html_describe(ls_engine *e, FILE *f, int max);

/* window.c's calls: setTimeout and setInterval (the delay already clamped) and clearTimeout */
ls_dom_timer *html_timer_start(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                               double delay_ms, bool repeat, int nesting, ls_origin origin);
void html_timer_clear(ls_engine *e, int id);
/* a message to `target` (a MessagePort or the window) */
void html_post_message(ls_engine *e, js_value target, js_value data, ls_origin origin);
/* requestAnimationFrame / cancelAnimationFrame */
int html_request_frame(ls_engine *e, js_value callback, ls_origin origin);
void html_cancel_frame(ls_engine *e, int id);
/* requestIdleCallback / cancelIdleCallback (timeout_ms < 0: none) */
int html_request_idle(ls_engine *e, js_value callback, double timeout_ms, ls_origin origin);
void html_cancel_idle(ls_engine *e, int id);

#endif
