/* emit_js.h - prints a scenario as the standalone CommonJS program it describes.
 *
 * The JavaScript a JSON scenario stands for: program.c compiles it for loopsim's VM, and
 * `loopsim emit-js` and tools/record-expected print it for real Node, which prints the stdout
 * lines that expected/ records.  See emit_js.c for the mapping.
 */
#ifndef LOOPSIM_EMIT_JS_H
#define LOOPSIM_EMIT_JS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scenario.h"

/* Where a function of the scenario starts in the printed program (a byte offset: ESTree's
 * `start` of its function node), and its label (ls_func.label: its name or JSON path). */
typedef struct {
    uint32_t offset;
    const char *label;   /* the scenario's (its arena owns it) */
} emit_js_label;

/* Where a node of the scenario is printed (the offset of its first character). */
typedef struct {
    uint32_t offset;
    const ls_node *node;
} emit_js_site;

/* Both in increasing order of offset (the order the program is printed in). */
typedef struct {
    emit_js_label *items;    /* every function */
    size_t len, cap;
    emit_js_site *fs_calls;  /* every fs.readFile/fs.stat call (LS_N_FS): where `fs.` is */
    size_t nfs_calls, capfs_calls;
} emit_js_labels;

/* Writes the program to `out`.  Returns 0 on success; non-zero if some part of the tree has no
 * JavaScript form (a `/ * loopsim: cannot emit ... * /` comment marks each such place in the
 * output, which is then not a faithful program) or if writing to `out` failed. */
int emit_js(const ls_scenario *scenario, FILE *out);
/* The same, and fills `labels` (emptied first; zero-initialize it before the first use) with
 * every function the scenario has (its declared functions and function literals) and every fs
 * call.  Free it with emit_js_labels_free. */
int emit_js_with_labels(const ls_scenario *scenario, FILE *out, emit_js_labels *labels);
void emit_js_labels_free(emit_js_labels *labels);

#endif
