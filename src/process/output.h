/* output.h - what a run prints: the program's console.log lines, and the trace of every
 * callback that ran (--trace, --format json).
 *
 * Everything is recorded during the run and rendered at the end, so that a trace line can say
 * what its callback queued.  A trace record is one callback run: when it began on the monotonic
 * clock (whose whole milliseconds are libuv's loop time), the loop iteration (0 before the
 * first; with libuv >= 1.45 the timers phase ends its iteration) and phase, the API that queued it, its label, and what it queued;
 * the lines it printed belong to it.
 */
#ifndef LOOPSIM_OUTPUT_H
#define LOOPSIM_OUTPUT_H

#include "types.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_SVG, FORMAT_HTML } ls_out_format;

typedef struct {
    int64_t time_ns;      /* the monotonic clock: loop-ms is its whole milliseconds */
    uint64_t iteration;
    int phase;            /* ls_phase */
    const char *api;
    const char *label;
    char *queued;         /* ", "-separated; NULL if nothing */
    size_t queued_len;
    size_t parent;        /* the record that was running when this callback was queued (when
                           * its origin's seq was given), or SIZE_MAX: Node or the loop did */
    uint64_t seq;         /* its origin's (the runs of one interval share it) */
} ls_record;

typedef struct {
    const char *text;     /* NUL-terminated; a NUL the program printed is inside len */
    size_t len;
    size_t record;        /* index into records, or SIZE_MAX */
} ls_line;

/* A line the program wrote on stderr (console.error, a warning Node prints): kept apart from
 * stdout's, which are the order an answer lists and loopsim orders compares. */
typedef struct {
    const char *text;     /* as ls_line's */
    size_t len;
    size_t record;        /* index into records, or SIZE_MAX */
    size_t after;         /* how many stdout lines came before it */
} ls_err_line;

typedef struct {
    bool recording;       /* keep trace records (--trace, --format json); lines are always kept */
    bool snapshots;       /* also records of what is queued (api "(queues)"), for explain */
    bool queued;          /* records say what each callback queued (not needed by the words
                           * of loopsim orders, which only name the running callback) */
    ls_line *lines;
    size_t nlines, lines_cap;
    ls_err_line *errs;
    size_t nerrs, errs_cap;
    ls_record *records;
    size_t nrecords, records_cap;
    size_t *open;         /* stack of open record indexes */
    size_t nopen, open_cap;
    size_t *seq_record;   /* per origin seq: the record open when it was given (SIZE_MAX) */
    size_t nseq, seq_cap;
} ls_output;

void out_begin(ls_engine *e, ls_origin origin);
/* engine_next_seq gave `seq`: the record running now queued what it names (ls_record.parent). */
void out_note_seq(ls_engine *e, uint64_t seq);
void out_end(ls_engine *e);
void out_queued(ls_engine *e, const char *api, const char *label);
void out_line(ls_engine *e, const char *text);
/* A line on stderr. */
void out_err_line(ls_engine *e, const char *text);
/* The same with the line's length: a line may hold a NUL the program printed (the rendered
 * output has it; comparisons of lines as answers and orders see the line up to it). */
void out_line_n(ls_engine *e, const char *text, size_t len, bool to_stderr);
/* A record of what is queued now (`text`), when snapshots are on. */
void out_snapshot(ls_engine *e, const char *text);
/* A warning Node would print on stderr ("(node:PID) TEXT"): a stderr line. */
void out_warning(ls_engine *e, const char *text);

/* Writes `text` wrapped at `width` columns: the first line indented by `indent` and starting
 * with `lead`, the others indented to line up after it. */
void out_wrap(FILE *f, int indent, const char *lead, const char *text, int width);

/* Writes each '\n'-terminated line of `lines` (`len` bytes), after `indent`. */
void out_print_lines(FILE *f, const char *lines, size_t len, const char *indent);
/* Writes the '\n'-terminated lines as a JSON array of strings. */
void out_json_lines(FILE *f, const char *lines, size_t len);

/* Writes `s` as a JSON string literal. */
void out_json_string_n(FILE *f, const char *s, size_t len);
void out_json_string(FILE *f, const char *s);

/* Number.prototype.toString(): the shortest decimal that round-trips, in JS's format. */
void out_format_number(double x, char *buf, size_t size);

/* Writes the run's output to `f`: the stdout lines (with the trace, and the stderr lines marked,
 * if `trace`), or one JSON document (with "stderr"). */
void out_render(const ls_engine *e, FILE *f, ls_out_format format, bool trace);
/* Writes the stderr lines, one per line (what `loopsim run` prints on its stderr). */
void out_render_errs(const ls_engine *e, FILE *f);
/* Writes how the run ended, as `loopsim run` says it on stderr: nothing for exit code 0, the
 * exit code, a fatal error, or the limit that stopped it (and when, if `timed`).  True if a
 * limit stopped it. */
bool out_render_ending(const ls_engine *e, int exit_code, bool timed, FILE *f);

#endif
