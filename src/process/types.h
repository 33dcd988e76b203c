/* types.h - the names every module of the simulated process shares.
 *
 * The values a program computes with are the VM's (src/js/js.h): JavaScript values, with the
 * program's functions, promises and objects on the VM's heap.  The process's own structs (a
 * timer, an immediate, a tick) hold such values and mark them for the VM's collector.
 */
#ifndef LOOPSIM_TYPES_H
#define LOOPSIM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "js.h"

typedef struct ls_engine ls_engine;
typedef struct ls_timer ls_timer;
typedef struct ls_immediate ls_immediate;
typedef struct ls_net ls_net;

/* where a callback came from, for --trace: the API that queued it ("setTimeout",
 * "process.nextTick", "then", "await", "fs.readFile", ...), the callback's label, and the
 * enqueue order (unique per run) */
typedef js_origin ls_origin;

/* a native function of Node's own JavaScript (emitListeningNT, ...), called by the process */
typedef void (*ls_native_fn)(ls_engine *e, void *data);

#endif
