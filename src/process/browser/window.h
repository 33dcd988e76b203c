/* window.h - the browser's globals for `--env browser`: what Chromium's window gives a quiz.
 *
 * setTimeout/setInterval/clearTimeout/clearInterval (Blink's DOMTimer: ids, the nesting level
 * and its 4 ms clamp), requestAnimationFrame/cancelAnimationFrame, requestIdleCallback/
 * cancelIdleCallback, queueMicrotask, MessageChannel/MessagePort and window.postMessage (the
 * prelude window.js, over html.c's message tasks), console, performance.now, and window, self
 * and globalThis as the global object.  Node's own globals (process, setImmediate, require,
 * Buffer, ...) and the browser APIs loopsim does not model (document, fetch,
 * MutationObserver, ...) stop the run with a message naming them when the program reads them:
 * Chromium would throw a ReferenceError for the first and do something loopsim cannot show for
 * the second.
 */
#ifndef LOOPSIM_WINDOW_H
#define LOOPSIM_WINDOW_H

#include <stdbool.h>

#include "types.h"

/* The globals, into the VM being made (host.c make_vm); false if the prelude failed. */
bool window_make_globals(ls_engine *e);
/* Each run, after the snapshot: the page's nodes made into the document (dom.js). */
bool window_set_up_page(ls_engine *e);
/* The parser's task: the program as the one inline <script> (or module script) of a page. */
void window_run_script(ls_engine *e);
/* DOMTimer's clamp: a delay below the minimum, started at a nesting level past the clamping one. */
double window_clamp_delay(ls_engine *e, double delay_ms, int level);
/* A message for `target`: the listeners it reaches now and the MessageEvent; false if the
 * port was closed meanwhile (the message is dropped). */
bool window_message_event(ls_engine *e, js_value target, js_value data, js_value *listeners,
                          js_value *event);
/* The i-th of those listeners, if still live (not removed meanwhile): the function to call and
 * its `this` (an object's handleEvent is called on the object). */
bool window_listener_at(ls_engine *e, js_value target, js_value listeners, int i, js_value *fn,
                        js_value *self);
/* An IdleDeadline whose timeRemaining() counts down from `left_ms` now. */
js_value window_idle_deadline(ls_engine *e, double left_ms, bool did_timeout);
/* performance.now(): a DOMHighResTimeStamp (an animation frame callback's argument). */
double window_now_ms(ls_engine *e);

#endif
