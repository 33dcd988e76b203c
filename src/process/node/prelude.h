/* prelude.h - the parts of Node that Node writes in JavaScript, in loopsim's own JavaScript
 * (src/process/node/prelude/NAME.js): EventEmitter, and the modules built over it.
 *
 * The sources are compiled into the executable (meson embeds them, tools/lib/embed.py) and
 * compiled to bytecode once per process, the first time a VM asks; every run's VM then runs
 * the same js_program, as it runs the user's.
 */
#ifndef LOOPSIM_PRELUDE_H
#define LOOPSIM_PRELUDE_H

#include <stddef.h>

#include "js.h"

/* The compiled module `name` ("events"), or NULL if there is none by that name.  A module that
 * does not compile is a bug of loopsim's: it is reported on stderr and the process exits 70. */
const js_program *prelude_program(const char *name);

/* The embedded sources (generated: prelude_sources.c). */
typedef struct {
    const char *name;
    const char *text;
    size_t len;
} ls_prelude_source;
extern const ls_prelude_source ls_prelude_sources[];
extern const size_t ls_prelude_count;

#endif
