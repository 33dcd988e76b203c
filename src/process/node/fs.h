/* fs.h - Node's fs module over a virtual file system; see fs.c. */
#ifndef LOOPSIM_FS_H
#define LOOPSIM_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "fingerprint.h"
#include "js.h"

typedef struct ls_engine ls_engine;
typedef struct ls_vnode ls_vnode;

#define LS_MAX_FDS 256 /* open at once, the program's own */

typedef struct {
    ls_vnode *node;  /* NULL: the slot is free */
    size_t pos;
    bool read, write, append;
} ls_open_file;

typedef struct {
    bool ready;               /* made at the first call (fs_ready) */
    const char *cwd;          /* the process's working directory, as paths resolve */
    ls_vnode *nodes;          /* every file and directory, in creation order */
    ls_open_file fds[LS_MAX_FDS]; /* fds[i] is file descriptor first_fd + i */
    bool stdout_fd;           /* stdout's pipe took its descriptor (profile stdout_pipe_fd) */
    js_value module;          /* require('fs'), made once */
    js_value stats_proto;
    js_value promises;        /* fs.promises (require('fs/promises') from 14) */
    js_value handle_proto;    /* FileHandle.prototype */
    const char *promise_api;  /* while fs.promises makes a request: its name, for new_req */
    bool promises_warned;     /* Node 10, 11: the ExperimentalWarning, once */
} ls_fs;

/* require('fs'): what the program sees; the calls loopsim does not model stop the run with a
 * message saying so. */
js_value fs_module(ls_engine *e);
/* The first write to stdout, a pipe: Node opens one more descriptor there (profile.def
 * stdout_pipe_fd); the next fs.open gets the one after. */
void fs_stdout_opened(ls_engine *e);
/* require('fs/promises') (Node 14+), what fs.promises is. */
js_value fs_promises_module(ls_engine *e);
/* require('internal')'s fsRead and fsWritev, what the prelude's fs streams request with. */
void fs_internal_bindings(ls_engine *e, js_object *on);
/* util.promisify's value names for fs.read and fs.write (customPromisifyArgs), NULL for any
 * other function; NULL-terminated. */
const char *const *fs_promisify_args(js_value fn);
/* Hashes the file system's state (files, directories, open descriptors). */
void fs_fingerprint(ls_engine *e, ls_fp *fp);
void fs_mark(ls_engine *e, js_vm *vm);

#endif
