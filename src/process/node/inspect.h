/* inspect.h - Node's util.format and util.inspect, as console.log prints values.
 *
 * ls_format(vm, style, argc, argv) is util.format(...args): what console.log writes (without
 * its newline).  ls_inspect(vm, style, v) is util.inspect(v) with the default options (depth 2,
 * breakLength 80, compact 3; Node 10: breakLength 60, compact true).  Both read the VM's objects
 * directly (no JavaScript runs for an ordinary value) and call into JavaScript only where Node
 * does: getters of Symbol.toStringTag and of an error's name/message/stack/cause, a value's
 * [util.inspect.custom] method, String() for %s, Number() for %d, JSON.stringify for %j.
 *
 * Node versions print differently; ls_inspect_style says how.  Each flag names the versions
 * compared (10.7.0, 12.22.12, 14.21.3, 16.20.2, 18.20.8, 20.20.2, 22.23.3: tests/js/inspect
 * has their outputs) that have the behaviour; the process layer sets them from the Node
 * version profile.  ls_inspect_style_for_major() gives the style of a major version for
 * callers that have no profile at hand (tests, tools).
 *
 * Call these from a native function (console.log, util.inspect) or where no JavaScript runs:
 * the collector does not run while a native is on the C stack, and the formatter holds values
 * in C variables while getters run.
 */
#ifndef LOOPSIM_NODE_INSPECT_H
#define LOOPSIM_NODE_INSPECT_H

#include <stdbool.h>

#include "js.h"

struct js_object;

/* The embedder's printer for its host objects (CLASS_HOST: Timeout, Immediate, Buffer, ...):
 * sets *out to a value printed in the host object's place (say, an object with Node's fields of
 * a Timeout whose constructor is named Timeout), or *text to the text printed (malloc'd, as
 * `<Buffer 61 62>`), and returns true; false prints the host object as `ClassName {}` with its
 * own enumerable properties.  A hook, not a version difference. */
typedef bool (*ls_inspect_host_fn)(void *ctx, js_vm *vm, struct js_object *host, js_value *out,
                                   char **text);

typedef struct {
    ls_inspect_host_fn fn;      /* NULL: `ClassName {}` */
    void *ctx;
} ls_inspect_host;

typedef struct {
    /* Node 10: util.format inspects string arguments when the first argument is not a string
     * and appends extra primitive arguments with String() (-0 prints 0); no %c; %d is
     * `${Number(x)}` (a symbol throws), %i/%f likewise; %s is String(x).  10.7.0 only. */
    bool legacy_format;
    /* Node 10: util.inspect's older algorithm: compact=true with breakLength 60 (an object's
     * first entry stays on the brace's line), no array grouping, no null-prototype or class
     * labels ([Function: A] for a class), 'it\'s' (always single quotes), [Circular], an error
     * with properties as { Error: msg ... code: 1 }, `[items unknown]` for weak collections,
     * [size] with showHidden, value.inspect() called as a custom inspector.  10.7.0 only: the
     * flags below apply when this is false. */
    bool legacy_inspect;
    /* --env browser: an error's stack is shown without its "    at ..." frames, as the page's
     * console output is recorded (tools/lib/chromium.py _error_text: the frames name the page's
     * URL); not a Node version's style */
    bool error_frames_hidden;
    /* Map(2) {...}, Set(1) {...}: 14, 16, 18, 20, 22 (12: Map {...}, and with showHidden (%o)
     * a [size] entry) */
    bool map_set_sizes;
    /* <ref *1> { self: [Circular *1] }: 14, 16, 18, 20, 22; else [Circular] (12) */
    bool circular_ref_index;
    /* [Function (anonymous)], [AsyncFunction (anonymous)]: 14, 16, 18, 20, 22; else [Function]
     * (12) */
    bool anonymous_function_label;
    /* '\x00' for C0 controls, and C1 controls escaped too ('\x7F' '\x9F'): 14, 16, 18, 20, 22;
     * else '\u0000', C1 controls printed as they are (12) */
    bool hex_escapes;
    /* lone surrogates escaped ('\ud800'): 16, 18, 20, 22 (12 and 14 print them, as U+FFFD) */
    bool lone_surrogate_escapes;
    /* strings longer than 10000 characters cut ("... N more characters"): 16, 18, 20, 22 */
    bool max_string_length;
    /* a Map or Set shows at most 100 entries ("... N more items"): 16.20.2, 20, 22 (not 12 nor
     * 18.20.8) */
    bool max_collection_entries;
    /* an entry with a line break in it (a nested error's stack) puts every entry of its object
     * on its own line: 16, 18, 20, 22 (12 keeps `{ error: Error: x\n    at ... }` on one
     * line when it is short) */
    bool break_multiline_entries;
    /* constructor names: `constructor` counts only when value instanceof it (Array.prototype
     * prints Object(0) []), and a null-prototype object whose fallback name is its tag does not
     * repeat it: 14, 16, 18, 20, 22 */
    bool ctor_instanceof;
    /* an own __proto__ key prints as ['__proto__']: 14, 16, 18, 20, 22 */
    bool proto_key_bracketed;
    /* errors print [cause] (when 'cause' in err) and AggregateError's [errors]: 16, 18, 20,
     * 22 */
    bool error_cause;
    /* Object.prototype and Function.prototype name their objects whatever their `constructor`
     * says, and a function whose constructor is Object prints as a function ([Function
     * (anonymous)] Object, not {}): 20, 22 */
    bool well_known_prototypes;
    /* %s: an object with its own or a user-defined Symbol.toPrimitive is String()ed: 20, 22 */
    bool to_primitive_not_builtin;
    /* the other builtin prototypes (Array, Map, Error, ...) too: 22 */
    bool more_well_known_prototypes;
    /* a tag contained in the constructor name is not repeated (MyMap(1) {}, not MyMap(1) [Map]
     * {}): 22 */
    bool tag_in_constructor_hidden;
    /* errors: [cause] and [errors] only as own properties; an own name or message that is not a
     * string is not listed, an own enumerable stack never; a getter of name, message, stack,
     * cause or errors that throws is ignored; a stack that is not a string is inspected
     * ([Error: x\n    42]); a name that is not a string gets the constructor's after it
     * (42 [Error]: x); and whether an object is a prototype (whose custom inspector is not
     * used) is told by its own `constructor` only: 22 */
    bool error_own_keys;
    /* a [util.inspect.custom] method gets options with numericSeparator and util.inspect as
     * its third argument: 16, 18, 20, 22 (12: two arguments) */
    bool custom_inspect_v16;
    /* the embedder's host objects */
    ls_inspect_host host;
    /* with legacy_inspect: util.inspect.custom, which in Node 10.7.0 was a Symbol of its own
     * (lib/internal/util.js @v10.7.0: Symbol('util.inspect.custom')), made by the embedder
     * and given to its util module; undefined: only value.inspect() */
    js_value legacy_custom;
} ls_inspect_style;

/* The style of a major version as measured on 10.7.0, 12.22.12, 14.21.3, 16.20.2, 18.20.8,
 * 20.20.2 and 22.23.3; 13 and 15 get 14's, 17 and 19 18's, 21 20's, 23 on 22's (not measured);
 * 11 gets 10's, which it is not (11 had a style between 10's and 12's). */
ls_inspect_style ls_inspect_style_for_major(int major);

/* util.format(...args) as console.log uses it: JS_OK with *out a malloc'd UTF-8 string (no
 * trailing newline; lone surrogates as U+FFFD, as Node writes them) of *len bytes (len may be
 * NULL; the text has a NUL only where the program printed one); JS_THROW when a getter,
 * toString, toJSON or custom inspector threw (console.log throws it: the exception is pending
 * in the VM), JS_STOP when the VM is stopping. */
js_status ls_format(js_vm *vm, const ls_inspect_style *style, int argc, const js_value *argv,
                    char **out, size_t *len);

/* util.inspect(v) with the default options, as ls_format. */
js_status ls_inspect(js_vm *vm, const ls_inspect_style *style, js_value v, char **out,
                     size_t *len);

#endif
