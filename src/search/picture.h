/* picture.h - the run and its orders as pictures: `explain --format svg` (and `run --format
 * svg`), `orders --format svg`.
 *
 * The articles this project started from draw the event loop: a lane per queue and phase, a box
 * per callback, an arrow from what queued a callback to where it runs.  The timeline is that
 * drawing of one run, made from the same trace `explain` walks (output.h's records, with the
 * record that queued each one): horizontally the run in the order things ran, one column per
 * callback (so boxes never overlap, and the picture grows with the run instead of crowding),
 * grouped into bands, one per loop iteration, with the clock under each column; where the
 * clock jumps (the poll phase waiting, a busy callback) the axis is cut and the jump written
 * on it; where a loop millisecond begins a dashed line is drawn.  Vertically the lanes: main,
 * the nextTick queue, the microtask queue, then the phases in libuv's order, beforeExit and
 * exit.  The drain after a callback is framed with it.  The races the nominal order depends on
 * (`loopsim orders`' conditions that name a phase) are marked where they are decided and
 * listed under the picture with their conditions and probabilities.
 *
 * The orders picture puts the orders of a racy program side by side, a column each, lines
 * aligned; the prefix every order shares is shaded, and each order's first line that differs
 * from the nominal order's is highlighted, with its probability and conditions under it.
 *
 * Both are one self-contained SVG document: no script, no external font or style, fixed ids
 * and no timestamp (the same program gives the same bytes; the golden tests pin them).  The
 * colours are the Okabe-Ito palette (distinct for the common colour-vision deficiencies), and
 * every lane is also named in text.  Text is sized for a monospace font: each text is cut to
 * the width of its box (with an ellipsis; the whole text is the element's <title>).
 */
#ifndef LOOPSIM_PICTURE_H
#define LOOPSIM_PICTURE_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "explore.h"

/* Runs `program` with its nominal timing and writes the timeline to `f`; `orders` (may be
 * NULL) are the program's orders under the same profile and costs, for the races.  Returns
 * the simulated process's exit code, or -1 on bad input (message on stderr). */
int picture_timeline_svg(const ls_program *program, const ls_costs *costs,
                         const ls_profile *profile, const ls_limits *limits,
                         const ls_orders *orders, FILE *f);

/* Writes the orders side by side to `f`.  The program is run once with its nominal timing for
 * the words of the conditions.  Returns 0, or -1 on bad input (message on stderr). */
int picture_orders_svg(const ls_program *program, const ls_costs *costs,
                       const ls_profile *profile, const ls_limits *limits,
                       const ls_orders *orders, FILE *f);

/* `explain --format html`: one self-contained page that steps through the run (picture_html.c):
 * the phase diagram with the current phase lit, what waits in each queue, the console so far,
 * the rule behind the step in explain's words, the program's line.  Returns as
 * picture_timeline_svg does. */
int picture_explain_html(const ls_program *program, const ls_costs *costs,
                         const ls_profile *profile, const ls_limits *limits,
                         const ls_orders *orders, FILE *f);

/* What the pictures share (picture.c): the lane a callback is drawn in (main, nextTick queue,
 * microtask queue, then the phases), its name and colours, whether it ran in a drain. */
int picture_lane_of(const ls_record *r);
/* The lane of a phase: where its callbacks are drawn, and what a drain after them drains in. */
int picture_phase_lane(ls_phase phase);
/* Whether callbacks can wait queued in a lane (all but main, beforeExit and exit). */
bool picture_lane_queues(int lane);
int picture_lane_count(void);
const char *picture_lane_name(int lane);
const char *picture_lane_color(int lane, bool fill);
bool picture_is_drain(const ls_record *r);

#endif
