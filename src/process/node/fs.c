/* fs.c - Node's fs module: its calls as requests of libuv's thread pool, over a virtual file
 * system.
 *
 * What orders callbacks is how many thread-pool trips a call makes and what runs between them,
 * so each asynchronous call here is one pool request (io.h ls_pool_job) that walks the trips
 * Node's own JavaScript makes, each started by the previous one's completion, in the poll
 * phase, inside that completion's callback scope:
 *
 *   fs.readFile(path)        open, fstat, read (once per chunk: 8 KiB before Node 12, 512 KiB
 *                            from 12, at least once), close; a failed open ends it at once,
 *                            a failed read goes on to close (lib/fs.js readFile,
 *                            readFileAfterOpen, readFileAfterStat; ReadFileContext in
 *                            lib/internal/fs/read_file_context.js @v10.7.0, @v12.22.12 and
 *                            read/context.js @v20.20.2: read() and readFileAfterRead)
 *   fs.writeFile, appendFile open (flag 'w' or 'a'), write, close (lib/fs.js writeFile and
 *                            writeAll, @v10.7.0 to @v24.21.0; a failed open ends it, a failed
 *                            write still closes)
 *   stat, lstat, fstat, access, exists, readdir, open, close, write, unlink, mkdir, rmdir,
 *   rename                   one trip each (a FSReqCallback whose oncomplete is the callback,
 *                            lib/fs.js; exists is access with a callback of one boolean)
 *
 * The system call of a trip takes effect when the trip completes, in completion order, so two
 * requests on one file race as they do on a real pool.  The *Sync forms make the same calls at
 * once on the main thread and throw what the asynchronous forms pass to their callback.
 *
 * The file system is virtual: the program's own file (its path as the command line gave it,
 * resolved against the working directory, its text as the contents) in its directory, and
 * every directory above it and above the working directory; whatever the program creates is
 * added, whatever it removes goes.  Nothing of the real disk is read or written.  A path that
 * is not there gives ENOENT in the error-first callback (or thrown by a *Sync), worded as
 * Node's uvException words it (lib/internal/errors.js): "ENOENT: no such file or directory,
 * open 'x'", with errno, code, syscall and path.  File descriptors are numbered from the
 * profile's first_fd, lowest free first, as POSIX open does; writes to 1 and 2 are output.
 */
#include "node/fs.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"

struct ls_vnode {
    ls_vnode *next;
    char *path;      /* absolute, normalised: "/a/b" ("/" for the root) */
    bool dir;
    bool gone;       /* removed (unlink, rmdir, rename's source) */
    char *data;      /* a file's bytes */
    size_t len, cap;
};

/* the errors a call can meet, with libuv's errno values (Linux) and uv_strerror's words */
typedef enum { FS_OK = 0, FS_ENOENT, FS_EBADF, FS_EEXIST, FS_ENOTDIR, FS_EISDIR, FS_ENOTEMPTY,
               FS_EMFILE } fs_err;

static const struct {
    const char *code;
    int errnum;
    const char *words;
} fs_errors[] = {
    [FS_OK] = {"", 0, ""},
    [FS_ENOENT] = {"ENOENT", -2, "no such file or directory"},
    [FS_EBADF] = {"EBADF", -9, "bad file descriptor"},
    [FS_EEXIST] = {"EEXIST", -17, "file already exists"},
    [FS_ENOTDIR] = {"ENOTDIR", -20, "not a directory"},
    [FS_EISDIR] = {"EISDIR", -21, "illegal operation on a directory"},
    [FS_ENOTEMPTY] = {"ENOTEMPTY", -39, "directory not empty"},
    [FS_EMFILE] = {"EMFILE", -24, "too many open files"},
};

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

/* ---- the virtual file system ----------------------------------------------------------------- */

/* `path` made absolute against `cwd`, "." and ".." and repeated slashes resolved (path.resolve) */
static char *resolve(ls_engine *e, const char *path)
{
    const char *cwd = e->fs.cwd;
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *joined = arena_alloc(e->arena, n);
    if (path[0] == '/')
        snprintf(joined, n, "%s", path);
    else
        snprintf(joined, n, "%s/%s", cwd, path);
    char *out = arena_alloc(e->arena, n + 1);
    size_t o = 0;
    const char *p = joined;
    while (*p) {
        while (*p == '/')
            p++;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - s);
        if (len == 0 || (len == 1 && s[0] == '.'))
            continue;
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        out[o++] = '/';
        memcpy(out + o, s, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
    return out;
}

static ls_vnode *lookup(ls_engine *e, const char *abs)
{
    for (ls_vnode *v = e->fs.nodes; v; v = v->next)
        if (!v->gone && strcmp(v->path, abs) == 0)
            return v;
    return NULL;
}

static ls_vnode *add_node(ls_engine *e, const char *abs, bool dir)
{
    ls_vnode *v = arena_alloc(e->arena, sizeof *v);
    v->path = arena_strdup(e->arena, abs);
    v->dir = dir;
    ls_vnode **link = &e->fs.nodes;
    while (*link)
        link = &(*link)->next;
    *link = v;
    return v;
}

/* every directory from the root down to `abs`'s parent (and `abs` itself when `self`) */
static void add_dirs(ls_engine *e, const char *abs, bool self)
{
    char *p = arena_strdup(e->arena, abs);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++)
        if (p[i] == '/' || (self && p[i] == '\0')) {
            char c = p[i];
            p[i] = '\0';
            if (!lookup(e, p))
                add_node(e, p, true);
            p[i] = c;
        }
    if (!lookup(e, "/"))
        add_node(e, "/", true);
}

static void fs_ready(ls_engine *e)
{
    if (e->fs.ready)
        return;
    e->fs.ready = true;
    char buf[4096];
    e->fs.cwd = arena_strdup(e->arena, getcwd(buf, sizeof buf) ? buf : "/");
    add_dirs(e, e->fs.cwd, true);
    const char *file = resolve(e, e->program->file);
    add_dirs(e, file, false);
    ls_vnode *v = add_node(e, file, false);
    v->data = (char *)e->program->source; /* copied before any write (file_write) */
    v->len = e->program->source_len;
    v->cap = 0;
}

/* the parent of `abs` must be a directory */
static fs_err parent_ok(ls_engine *e, const char *abs)
{
    const char *slash = strrchr(abs, '/');
    char *parent = arena_printf(e->arena, "%.*s", slash == abs ? 1 : (int)(slash - abs), abs);
    ls_vnode *p = lookup(e, parent);
    if (!p)
        return FS_ENOENT;
    return p->dir ? FS_OK : FS_ENOTDIR;
}

static const char *base_name(const char *abs)
{
    return strrchr(abs, '/') + 1;
}

/* is `child` directly inside `dir`? */
static bool is_child(const char *dir, const char *child)
{
    size_t n = strcmp(dir, "/") == 0 ? 0 : strlen(dir);
    return strncmp(child, dir, n) == 0 && child[n] == '/' && child[n + 1] &&
           !strchr(child + n + 1, '/');
}

typedef struct {
    bool read, write, append, create, excl, trunc;
} open_flags;

/* lib/internal/fs/utils.js stringToFlags */
static bool parse_flags(const char *s, open_flags *f)
{
    static const struct {
        const char *names;
        open_flags f;
    } table[] = {
        {" r rs sr ", {true, false, false, false, false, false}},
        {" r+ rs+ sr+ ", {true, true, false, false, false, false}},
        {" w ", {false, true, false, true, false, true}},
        {" wx xw ", {false, true, false, true, true, true}},
        {" w+ ", {true, true, false, true, false, true}},
        {" wx+ xw+ ", {true, true, false, true, true, true}},
        {" a as sa ", {false, true, true, true, false, false}},
        {" ax xa ", {false, true, true, true, true, false}},
        {" a+ as+ sa+ ", {true, true, true, true, false, false}},
        {" ax+ xa+ ", {true, true, true, true, true, false}},
    };
    char key[16];
    if (strlen(s) > 8)
        return false;
    snprintf(key, sizeof key, " %s ", s);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strstr(table[i].names, key)) {
            *f = table[i].f;
            return true;
        }
    return false;
}

static ls_open_file *file_of(ls_engine *e, int fd)
{
    int i = fd - e->profile->first_fd;
    if (i < 0 || i >= LS_MAX_FDS || !e->fs.fds[i].node)
        return NULL;
    return &e->fs.fds[i];
}

/* the lowest free descriptor (POSIX open), -1 if none */
static int new_fd(ls_engine *e, ls_vnode *v)
{
    for (int i = 0; i < LS_MAX_FDS; i++)
        if (!e->fs.fds[i].node) {
            e->fs.fds[i] = (ls_open_file){.node = v};
            return e->profile->first_fd + i;
        }
    return -1;
}

/* a placeholder node for a descriptor that is not a file of the program's (stdout's pipe) */
static ls_vnode pipe_node = {.path = "pipe:", .dir = false};

void fs_stdout_opened(ls_engine *e)
{
    if (!e->profile->process.stdout_pipe_fd || e->fs.stdout_fd)
        return;
    e->fs.stdout_fd = true;
    new_fd(e, &pipe_node);
}

static fs_err sys_open(ls_engine *e, const char *abs, open_flags fl, int *fd)
{
    ls_vnode *v = lookup(e, abs);
    if (!v) {
        fs_err err = parent_ok(e, abs);
        if (err == FS_ENOTDIR || (err == FS_OK && !fl.create))
            return err == FS_OK ? FS_ENOENT : err;
        if (err)
            return err;
        v = add_node(e, abs, false);
    } else {
        if (fl.create && fl.excl)
            return FS_EEXIST;
        if (v->dir && fl.write)
            return FS_EISDIR;
        if (fl.trunc)
            v->len = 0;
    }
    *fd = new_fd(e, v);
    if (*fd < 0)
        return FS_EMFILE;
    ls_open_file *f = file_of(e, *fd);
    f->read = fl.read;
    f->write = fl.write;
    f->append = fl.append;
    return FS_OK;
}

static fs_err sys_close(ls_engine *e, int fd)
{
    ls_open_file *f = file_of(e, fd);
    if (!f)
        return FS_EBADF;
    f->node = NULL;
    return FS_OK;
}

/* reads up to `max` bytes at the file's position: *out points into the file's data */
static fs_err sys_read(ls_engine *e, int fd, size_t max, const char **out, size_t *n)
{
    ls_open_file *f = file_of(e, fd);
    if (!f || !f->read)
        return FS_EBADF;
    if (f->node->dir)
        return FS_EISDIR;
    size_t left = f->pos < f->node->len ? f->node->len - f->pos : 0;
    *n = left < max ? left : max;
    *out = *n ? f->node->data + f->pos : "";
    f->pos += *n;
    return FS_OK;
}

/* pread (position >= 0: the file's offset stays) or read (-1), as uv_fs_read does */
static fs_err sys_pread(ls_engine *e, int fd, size_t max, double position, const char **out,
                        size_t *n)
{
    ls_open_file *f = file_of(e, fd);
    if (position < 0 || !f)
        return sys_read(e, fd, max, out, n);
    size_t at = f->pos;
    f->pos = position < (double)f->node->len ? (size_t)position : f->node->len;
    fs_err err = sys_read(e, fd, max, out, n);
    f->pos = at;
    return err;
}

static void print_fd(ls_engine *e, int fd, const char *bytes, size_t len);

static fs_err sys_write(ls_engine *e, int fd, const char *bytes, size_t len)
{
    if (fd == 1 || fd == 2) {
        print_fd(e, fd, bytes, len);
        return FS_OK;
    }
    ls_open_file *f = file_of(e, fd);
    if (!f || !f->write || f->node == &pipe_node)
        return FS_EBADF;
    ls_vnode *v = f->node;
    if (f->append)
        f->pos = v->len;
    size_t end = f->pos + len;
    if (end > v->cap) {
        size_t cap = end < 64 ? 64 : end * 2;
        char *grown = arena_alloc(e->arena, cap);
        if (v->len) /* a new file has no data yet (memcpy from NULL is undefined) */
            memcpy(grown, v->data, v->len);
        v->data = grown;
        v->cap = cap;
    }
    if (f->pos > v->len)
        memset(v->data + v->len, 0, f->pos - v->len);
    if (len)
        memcpy(v->data + f->pos, bytes, len);
    f->pos = end;
    if (end > v->len)
        v->len = end;
    return FS_OK;
}

static fs_err sys_stat(ls_engine *e, const char *abs, ls_vnode **out)
{
    fs_err err = parent_ok(e, abs);
    if (err == FS_ENOTDIR)
        return err;
    *out = lookup(e, abs);
    return *out ? FS_OK : FS_ENOENT;
}

static fs_err sys_fstat(ls_engine *e, int fd, ls_vnode **out)
{
    ls_open_file *f = file_of(e, fd);
    if (!f)
        return FS_EBADF;
    *out = f->node;
    return FS_OK;
}

static fs_err sys_unlink(ls_engine *e, const char *abs)
{
    ls_vnode *v;
    fs_err err = sys_stat(e, abs, &v);
    if (err)
        return err;
    if (v->dir)
        return FS_EISDIR; /* Linux unlink(2) of a directory */
    v->gone = true;
    return FS_OK;
}

static fs_err sys_mkdir(ls_engine *e, const char *abs)
{
    if (lookup(e, abs))
        return FS_EEXIST;
    fs_err err = parent_ok(e, abs);
    if (err)
        return err;
    add_node(e, abs, true);
    return FS_OK;
}

static bool has_children(ls_engine *e, const char *abs)
{
    for (ls_vnode *v = e->fs.nodes; v; v = v->next)
        if (!v->gone && is_child(abs, v->path))
            return true;
    return false;
}

static fs_err sys_rmdir(ls_engine *e, const char *abs)
{
    ls_vnode *v;
    fs_err err = sys_stat(e, abs, &v);
    if (err)
        return err;
    if (!v->dir)
        return FS_ENOTDIR;
    if (has_children(e, abs))
        return FS_ENOTEMPTY;
    v->gone = true;
    return FS_OK;
}

static fs_err sys_rename(ls_engine *e, const char *from, const char *to)
{
    ls_vnode *v;
    fs_err err = sys_stat(e, from, &v);
    if (err)
        return err;
    if ((err = parent_ok(e, to)))
        return err;
    ls_vnode *old = lookup(e, to);
    if (old && old != v) {
        if (old->dir && !v->dir)
            return FS_EISDIR;
        if (!old->dir && v->dir)
            return FS_ENOTDIR;
        if (old->dir && has_children(e, to))
            return FS_ENOTEMPTY;
        old->gone = true;
    }
    /* the node and everything under it move */
    size_t n = strlen(from);
    for (ls_vnode *x = e->fs.nodes; x; x = x->next)
        if (!x->gone && strncmp(x->path, from, n) == 0 && (x->path[n] == '\0' || x->path[n] == '/'))
            x->path = arena_printf(e->arena, "%s%s", to, x->path + n);
    return FS_OK;
}

/* the names in a directory, sorted (the order of a real readdir is the file system's) */
static fs_err sys_readdir(ls_engine *e, const char *abs, const char ***names, size_t *count)
{
    ls_vnode *v;
    fs_err err = sys_stat(e, abs, &v);
    if (err)
        return err;
    if (!v->dir)
        return FS_ENOTDIR;
    size_t n = 0;
    for (ls_vnode *x = e->fs.nodes; x; x = x->next)
        if (!x->gone && is_child(abs, x->path))
            n++;
    const char **list = arena_alloc(e->arena, (n + 1) * sizeof *list);
    size_t k = 0;
    for (ls_vnode *x = e->fs.nodes; x; x = x->next)
        if (!x->gone && is_child(abs, x->path)) {
            const char *name = base_name(x->path);
            size_t j = k++;
            while (j > 0 && strcmp(list[j - 1], name) > 0) {
                list[j] = list[j - 1];
                j--;
            }
            list[j] = name;
        }
    *names = list;
    *count = n;
    return FS_OK;
}

/* ---- values ------------------------------------------------------------------------------------ */

/* uvException (lib/internal/errors.js): "CODE: words, syscall 'path' -> 'dest'" with errno,
 * code, syscall, path and dest.  One made by a request's completion (C++) has no JavaScript
 * frames in its stack; a *Sync call's has the program's. */
static js_value fs_error(ls_engine *e, fs_err err, const char *syscall, const char *path,
                         const char *dest, bool async)
{
    js_vm *vm = e->host.vm;
    const char *message = arena_printf(e->arena, "%s: %s, %s%s%s%s%s%s", fs_errors[err].code,
                                       fs_errors[err].words, syscall, path ? " '" : "",
                                       path ? path : "", path ? "'" : "",
                                       dest ? arena_printf(e->arena, " -> '%s'", dest) : "", "");
    js_value x = js_new_error(vm, "Error", message);
    js_set(vm, x, "errno", js_number(fs_errors[err].errnum));
    js_set(vm, x, "code", js_new_cstring(vm, fs_errors[err].code));
    js_set(vm, x, "syscall", js_new_cstring(vm, syscall));
    if (path)
        js_set(vm, x, "path", js_new_cstring(vm, path));
    if (dest)
        js_set(vm, x, "dest", js_new_cstring(vm, dest));
    if (async)
        js_set(vm, x, "stack", js_new_cstring(vm, arena_printf(e->arena, "Error: %s", message)));
    return x;
}

static js_status stats_true(const js_args *a, js_value *out)
{
    (void)a;
    *out = js_bool(true);
    return JS_OK;
}

static js_status stats_false(const js_args *a, js_value *out)
{
    (void)a;
    *out = js_bool(false);
    return JS_OK;
}

/* an fs.Stats: size, mode, and the is* methods (the rest of its fields are not modelled) */
static js_value stats(ls_engine *e, const ls_vnode *v)
{
    js_vm *vm = e->host.vm;
    js_value s = js_new_object(vm);
    js_set(vm, s, "size", js_number(v->dir ? 4096 : (double)v->len));
    js_set(vm, s, "mode", js_number(v->dir ? 16877 : 33188));
    js_define_method(vm, s.u.object, "isFile", 0, v->dir ? stats_false : stats_true,
                     e->host.link);
    js_define_method(vm, s.u.object, "isDirectory", 0, v->dir ? stats_true : stats_false,
                     e->host.link);
    js_define_method(vm, s.u.object, "isSymbolicLink", 0, stats_false, e->host.link);
    return s;
}

static js_value names_array(ls_engine *e, const char **names, size_t n)
{
    js_vm *vm = e->host.vm;
    js_value *items = arena_alloc(e->arena, (n + 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = js_new_cstring(vm, names[i]);
    return js_new_array(vm, (int)n, items);
}

static void print_fd(ls_engine *e, int fd, const char *bytes, size_t len)
{
    host_write_output(e, fd == 2, bytes, len, false);
}

/* ---- arguments --------------------------------------------------------------------------------- */

/* makeCallback / validateFunction(cb, 'cb') as the version words it (lib/fs.js) */
static js_status callback_ok(ls_engine *e, js_value cb)
{
    return host_callback_arg(e, cb, "cb");
}

/* the last argument, the callback (options may come between) */
static js_status last_callback(ls_engine *e, const js_args *a, int min, js_value *cb)
{
    *cb = a->argc > min ? a->argv[a->argc - 1] : js_undefined();
    return callback_ok(e, *cb);
}

/* A path: a string; any other primitive is ERR_INVALID_ARG_TYPE (getValidatedPath ->
 * validatePath); an object may be a Buffer or a URL, which Node takes: refused.  *abs is
 * resolved against the working directory; *given is what errors name. */
static js_status path_arg(ls_engine *e, const js_args *a, int i, const char *name,
                          const char *api, const char **given, const char **abs)
{
    js_value v = js_arg(a, i);
    if (v.type != JS_TSTRING && v.type != JS_TOBJECT)
        return host_invalid_arg_type(e, name, "of type string or an instance of Buffer or URL",
                                     v);
    if (v.type != JS_TSTRING) {
        host_refuse(e, "%s: loopsim models only a string path", api);
        return JS_STOP;
    }
    *given = arena_strdup(e->arena, js_string_chars(v.u.string, NULL));
    *abs = resolve(e, *given);
    return JS_OK;
}

/* A file descriptor: an integer from 0 (validateInt32 / getValidatedFd) */
static js_status fd_arg(ls_engine *e, const js_args *a, int i, int *fd)
{
    js_value v = js_arg(a, i);
    if (v.type != JS_TNUMBER)
        return host_invalid_arg_type(e, "fd", "of type number", v);
    double d = v.u.number;
    if (d != floor(d) || d < 0 || d > 2147483647.0) {
        host_refuse(e, "fs: a file descriptor that is not an integer from 0 (%g): Node's "
                       "ERR_OUT_OF_RANGE is not modelled", d);
        return JS_STOP;
    }
    *fd = (int)d;
    return JS_OK;
}

/* flags: a string (stringToFlags); numbers are refused */
static js_status flags_arg(ls_engine *e, js_value v, const char *def, const char *api,
                           open_flags *fl)
{
    const char *s = def;
    if (v.type == JS_TSTRING)
        s = js_string_chars(v.u.string, NULL);
    else if (!js_is_undefined(v) && v.type != JS_TNULL) {
        host_refuse(e, "%s: loopsim models flags written as a string ('r', 'w', 'a', ...)", api);
        return JS_STOP;
    }
    if (!parse_flags(s, fl)) {
        host_refuse(e, "%s: the flags '%s' are not valid (Node's ERR_INVALID_ARG_VALUE is not "
                       "modelled)", api, s);
        return JS_STOP;
    }
    return JS_OK;
}

/* open's flags before they had a default (11.1, 10.16: profile.def open_flags_default):
 * stringToFlags(flags) throws for anything but a string, the callback given in their place
 * included (lib/internal/fs/utils.js @v10.7.0 stringToFlags) */
static js_status flags_given(ls_engine *e, js_value v)
{
    if (e->profile->process.open_flags_default || v.type == JS_TSTRING)
        return JS_OK;
    js_string *s = js_to_string_safe(e->host.vm, v);
    return host_type_error(e, "ERR_INVALID_OPT_VALUE", "The value \"%s\" is invalid for option "
                           "\"flags\"", js_string_chars(s, NULL));
}

/* an option of an options argument that is an object or a string (getOptions): the string is
 * the encoding */
static js_status option(ls_engine *e, js_value options, const char *key, js_value *out)
{
    *out = js_undefined();
    if (options.type == JS_TSTRING && strcmp(key, "encoding") == 0) {
        *out = options;
        return JS_OK;
    }
    if (options.type == JS_TOBJECT && !js_is_callable(options))
        return js_get(e->host.vm, options, key, out);
    return JS_OK;
}

/* the data written: a string (UTF-8) or a Buffer of loopsim's */
static js_status data_arg(ls_engine *e, js_value v, const char *api, const char **bytes,
                          size_t *len)
{
    if (v.type == JS_TSTRING) {
        *bytes = js_string_chars(v.u.string, len);
        return JS_OK;
    }
    if (host_buffer_bytes(e, v, bytes, len))
        return JS_OK;
    host_refuse(e, "%s: loopsim models data that is a string or a Buffer fs.readFile gave", api);
    return JS_STOP;
}

static js_value contents(ls_engine *e, const char *bytes, size_t len, bool string)
{
    return string ? js_new_string(e->host.vm, bytes, len) : host_new_buffer(e, bytes, len);
}

/* Was an encoding given (the data is a string, else a Buffer)?  utf8 is modelled; another
 * ('hex', 'base64', 'latin1', ...) stops the run (*st JS_STOP) rather than give UTF-8 text. */
static bool encoding_given(ls_engine *e, js_value options, js_status *st)
{
    js_value enc;
    *st = option(e, options, "encoding", &enc);
    if (*st != JS_OK || enc.type != JS_TSTRING)
        return false;
    const char *s = js_string_chars(enc.u.string, NULL);
    if (strcmp(s, "utf8") != 0 && strcmp(s, "utf-8") != 0 && strcmp(s, "UTF-8") != 0 &&
        strcmp(s, "UTF8") != 0) {
        host_refuse(e, "loopsim models reading files as text in 'utf8' only (got '%s')", s);
        *st = JS_STOP;
        return false;
    }
    return true;
}

/* ---- requests ---------------------------------------------------------------------------------- */

typedef enum { OP_READ_FILE, OP_WRITE_FILE, OP_STAT, OP_LSTAT, OP_FSTAT, OP_ACCESS, OP_EXISTS,
               OP_READDIR, OP_OPEN, OP_CLOSE, OP_WRITE, OP_UNLINK, OP_MKDIR, OP_RMDIR, OP_RENAME,
               OP_READ, OP_TRIPS } fs_op;

typedef struct {
    ls_pool_job job;
    fs_op op;
    const char *given, *abs;     /* the path as given, and resolved */
    const char *given2, *abs2;   /* rename's destination */
    open_flags flags;
    int fd;
    bool string;                 /* readFile: an encoding was given */
    bool write_string;           /* write: the data was a string (its callback gets it back) */
    const char *bytes;           /* what is written */
    size_t len;
    char *into;                  /* fs.read: where in the program's buffer the bytes go */
    double position;             /* fs.read: where in the file (-1: at, and moving, its offset) */
    size_t size, pos;            /* readFile: the size fstat gave, what was read */
    fs_err err;                  /* readFile, writeFile: the error the close passes on */
    int trips, trip_no;          /* OP_TRIPS: a JSON scenario's "trips", and the one in flight */
    bool promise;                /* made by fs.promises: its readFile and writeFile chunks */
    bool handle;                 /* a FileHandle's readFile: from fstat, no close */
    size_t start;                /* ... from where its descriptor was then */
} fs_req;

/* fs.promises' readFile and writeFile: 16 KiB at a time, reading until a read gives nothing,
 * before Node 14 (lib/internal/fs/promises.js @v10.7.0, @v12.22.12 kReadFileMaxChunkSize,
 * readFileHandle's `endOfFile = bytesRead === 0`, writeFileHandle); from 14, 512 KiB, until
 * the size fstat gave (64 KiB at a time for a size of 0) and no write for no data
 * (@v16.20.2, @v20.20.2 readFileHandle, writeFileHandle; internal/fs/utils.js
 * kReadFileBufferLength, kReadFileUnknownBufferLength, kWriteFileMaxChunkSize) */
static size_t promise_chunk(const ls_engine *e)
{
    return e->profile->process.fs_promises_read_to_size ? 512 * 1024 : 16 * 1024;
}

static void finish(ls_engine *e, fs_req *r, js_value err, js_value value, bool has_value)
{
    r->job.args[0] = err;
    r->job.args[1] = value;
    r->job.nargs = has_value ? 2 : 1;
    (void)e;
}

static void finish_err(ls_engine *e, fs_req *r, fs_err err, const char *syscall, bool with_path)
{
    finish(e, r, fs_error(e, err, syscall, with_path ? r->given : NULL,
                          r->op == OP_RENAME ? r->given2 : NULL, true),
           js_undefined(), false);
}

static bool complete(ls_engine *e, ls_pool_job *job)
{
    fs_req *r = job->data;
    const char *trip = job->trip;
    fs_err err;
    switch (r->op) {
    case OP_READ_FILE:
        if (strcmp(trip, "open") == 0) {
            if ((err = sys_open(e, r->abs, r->flags, &r->fd))) {
                finish_err(e, r, err, "open", true);
                return false;
            }
            job->trip = "fstat";
            return true;
        }
        if (strcmp(trip, "fstat") == 0) {
            ls_vnode *v;
            if ((err = sys_fstat(e, r->fd, &v)) && r->handle) {
                finish_err(e, r, err, "fstat", false);
                return false;
            }
            if (err) {
                r->err = err;
                job->trip = "close";
                return true;
            }
            r->size = v->dir ? 0 : v->len; /* isFileType(stats, S_IFREG) ? size : 0 */
            if (r->handle)
                r->start = file_of(e, r->fd)->pos;
            job->trip = "read";
            return true;
        }
        if (strcmp(trip, "read") == 0) {
            /* read(): min(kReadFileBufferLength, size - pos), or a whole buffer of unknown
             * length; readFileAfterRead: done at the size, or when a read gives nothing */
            bool big = e->profile->process.readfile_big_chunks, to_zero = false;
            size_t chunk = big ? 512 * 1024 : 8 * 1024, unknown = big ? 64 * 1024 : chunk;
            if (r->promise) {
                to_zero = !e->profile->process.fs_promises_read_to_size;
                chunk = promise_chunk(e);
                unknown = to_zero ? chunk : 64 * 1024;
            }
            size_t want = !r->size ? unknown
                        : r->pos < r->size && r->size - r->pos < chunk ? r->size - r->pos : chunk;
            const char *bytes;
            size_t n = 0;
            if ((err = sys_read(e, r->fd, want, &bytes, &n)) && r->handle) {
                finish_err(e, r, err, "read", false);
                return false;
            }
            if (err) {
                r->err = err;
                job->trip = "close";
                return true;
            }
            r->pos += n;
            if (n > 0 && (to_zero || !r->size || r->pos < r->size))
                return true; /* another read */
            if (!r->handle) {
                job->trip = "close";
                return true;
            }
            ls_open_file *f = file_of(e, r->fd);
            const ls_vnode *v = f ? f->node : NULL;
            size_t got = v && r->start + r->pos <= v->len ? r->pos : 0;
            finish(e, r, js_null(), contents(e, v && v->data ? v->data + r->start : "", got,
                                             r->string), true);
            return false;
        }
        /* close: the data is what the reads gave, the file as it is now */
        {
            ls_open_file *f = file_of(e, r->fd);
            const ls_vnode *v = f ? f->node : NULL;
            sys_close(e, r->fd);
            if (r->err) {
                finish(e, r, fs_error(e, r->err, r->err == FS_EISDIR ? "read" : "fstat", NULL,
                                      NULL, true), js_undefined(), false);
                return false;
            }
            size_t n = v && r->pos <= v->len ? r->pos : 0;
            finish(e, r, js_null(), contents(e, v && v->data ? v->data : "", n, r->string),
                   true);
        }
        return false;
    case OP_WRITE_FILE:
        if (strcmp(trip, "open") == 0) {
            if ((err = sys_open(e, r->abs, r->flags, &r->fd))) {
                finish_err(e, r, err, "open", true);
                return false;
            }
            job->trip = r->promise && r->len == 0 ? "close" : "write";
            return true;
        }
        if (strcmp(trip, "write") == 0) {
            /* the callback form writes all at once (writeAll); fs.promises in chunks */
            size_t n = r->len - r->pos;
            if (r->promise && n > promise_chunk(e))
                n = promise_chunk(e);
            r->err = sys_write(e, r->fd, r->bytes + r->pos, n);
            r->pos += n;
            if (r->err || r->pos >= r->len)
                job->trip = "close";
            return true;
        }
        sys_close(e, r->fd);
        if (r->err)
            finish(e, r, fs_error(e, r->err, "write", NULL, NULL, true), js_undefined(), false);
        else
            finish(e, r, js_null(), js_undefined(), false);
        return false;
    case OP_STAT:
    case OP_LSTAT:
    case OP_FSTAT: {
        ls_vnode *v = NULL;
        err = r->op == OP_FSTAT ? sys_fstat(e, r->fd, &v) : sys_stat(e, r->abs, &v);
        if (err)
            finish_err(e, r, err, trip, r->op != OP_FSTAT);
        else
            finish(e, r, js_null(), stats(e, v), true);
        return false;
    }
    case OP_ACCESS:
    case OP_EXISTS: {
        ls_vnode *v;
        err = sys_stat(e, r->abs, &v);
        if (r->op == OP_EXISTS)
            finish(e, r, js_bool(err == FS_OK), js_undefined(), false);
        else if (err)
            finish_err(e, r, err, "access", true);
        else
            finish(e, r, js_null(), js_undefined(), false);
        return false;
    }
    case OP_READDIR: {
        const char **names;
        size_t n;
        if ((err = sys_readdir(e, r->abs, &names, &n)))
            finish_err(e, r, err, "scandir", true);
        else
            finish(e, r, js_null(), names_array(e, names, n), true);
        return false;
    }
    case OP_OPEN:
        if ((err = sys_open(e, r->abs, r->flags, &r->fd)))
            finish_err(e, r, err, "open", true);
        else
            finish(e, r, js_null(), js_number(r->fd), true);
        return false;
    case OP_CLOSE:
        if ((err = sys_close(e, r->fd)))
            finish_err(e, r, err, "close", false);
        else
            finish(e, r, js_null(), js_undefined(), false);
        return false;
    case OP_WRITE:
        if ((err = sys_write(e, r->fd, r->bytes, r->len))) {
            finish_err(e, r, err, "write", false);
        } else {
            /* (err, written, string or buffer) */
            finish(e, r, js_null(), js_number((double)r->len), true);
            r->job.args[2] = r->job.keep[0];
            r->job.nargs = 3;
        }
        return false;
    case OP_READ: {
        /* (err, bytesRead, buffer), as fs.read's wrapper calls back (lib/fs.js read:
         * `callback(err, bytesRead || 0, buffer)`): the program's buffer with the bytes
         * written at its offset (fs.read), or a new one of them (the streams' fsRead) */
        const char *bytes;
        size_t n = 0;
        err = sys_pread(e, r->fd, r->len, r->position, &bytes, &n);
        if (err && !r->into) {
            finish_err(e, r, err, "read", false);
            return false;
        }
        if (!err && r->into && n)
            memmove(r->into, bytes, n);
        finish(e, r, err ? fs_error(e, err, "read", NULL, NULL, true) : js_null(),
               js_number((double)n), true);
        r->job.args[2] = r->into ? r->job.keep[0] : host_new_buffer(e, bytes, n);
        r->job.nargs = 3;
        return false;
    }
    case OP_UNLINK:
    case OP_MKDIR:
    case OP_RMDIR:
    case OP_RENAME:
        err = r->op == OP_UNLINK ? sys_unlink(e, r->abs)
            : r->op == OP_MKDIR  ? sys_mkdir(e, r->abs)
            : r->op == OP_RMDIR  ? sys_rmdir(e, r->abs)
                                 : sys_rename(e, r->abs, r->abs2);
        if (err)
            finish_err(e, r, err, trip, true);
        else
            finish(e, r, js_null(), js_undefined(), false);
        return false;
    case OP_TRIPS: {
        /* a JSON scenario's trips: the result was taken at the call */
        static const char *const readfile[] = {"open", "fstat", "read", "close"};
        if (++r->trip_no == r->trips)
            return false;
        job->trip = r->trips == 4 ? readfile[r->trip_no] : "request";
        return true;
    }
    }
    return false;
}

/* a request of `op` whose first trip is `trip` */
static fs_req *new_req(ls_engine *e, fs_op op, const char *api, const char *trip, js_value cb)
{
    fs_req *r = arena_alloc(e->arena, sizeof *r);
    r->op = op;
    r->position = -1;
    if (e->fs.promise_api) { /* a call of fs.promises (promise_call) */
        r->promise = true;
        api = e->fs.promise_api;
    }
    ls_fs_site site = host_fs_site(e);
    io_pool_job_init(e, &r->job, api, cb,
                     site.latency_ms >= 0 ? cost_point(site.latency_ms) : e->costs.io_latency,
                     trip, complete, r);
    r->job.several = op == OP_READ_FILE || op == OP_WRITE_FILE;
    return r;
}

static js_status submit(ls_engine *e, fs_req *r, js_value *out)
{
    *out = js_undefined();
    return io_pool_submit(e, &r->job) ? JS_OK : JS_STOP;
}

/* What a function of the module is: a row of the table in fs_module, which the native function
 * keeps in its slot 0 (its index), so that one C function serves every call of a kind. */
typedef struct {
    const char *api;      /* "fs.stat" */
    int length;
    js_native_fn fn;
    fs_op op;
    const char *syscall;  /* the trip's name and what an error says ("stat", "scandir") */
    const char *flag;     /* writeFile, appendFile: the default flag */
    bool promise;         /* fs.promises has it (open: giving a FileHandle) */
} fs_call;

static const fs_call *call_of(const js_args *a);

/* ---- the asynchronous calls ---------------------------------------------------------------------- */

/* A JSON scenario that gave an fs call its own "trips": that many trips of the same request,
 * with the result taken at the call (the format's model before this module). */
static bool json_trips(ls_engine *e, fs_req *r, js_value err, js_value value, bool has_value)
{
    ls_fs_site site = host_fs_site(e);
    if (site.trips <= 0)
        return false;
    r->op = OP_TRIPS;
    r->trips = site.trips;
    r->job.several = site.trips > 1;
    r->job.trip = site.trips == 4 ? "open" : site.trips > 1 ? "request" : r->job.api + 3;
    finish(e, r, err, value, has_value);
    return true;
}

static js_status fs_read_file(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given, *abs;
    js_value cb;
    js_status st = last_callback(e, a, 1, &cb);
    if (st == JS_OK && js_arg(a, 0).type == JS_TNUMBER && !e->fs.promise_api) {
        host_refuse(e, "fs.readFile: loopsim models reading a path, not a file descriptor");
        return JS_STOP;
    }
    if (st == JS_OK)
        st = path_arg(e, a, 0, "path", "fs.readFile", &given, &abs);
    js_value options = a->argc > 2 ? a->argv[1] : js_undefined(), flag;
    bool string = st == JS_OK && encoding_given(e, options, &st);
    if (st == JS_OK)
        st = option(e, options, "flag", &flag);
    open_flags fl;
    if (st == JS_OK)
        st = flags_arg(e, flag, "r", "fs.readFile", &fl);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_READ_FILE, "fs.readFile", "open", cb);
    r->given = given;
    r->abs = abs;
    r->flags = fl;
    r->string = string;
    ls_vnode *v = lookup(e, abs);
    if (host_fs_site(e).trips > 0) {
        bool ok = v && !v->dir;
        json_trips(e, r, ok ? js_null() : fs_error(e, FS_ENOENT, "open", given, NULL, true),
                   ok ? contents(e, v->data ? v->data : "", v->len, string) : js_undefined(),
                   ok);
    }
    return submit(e, r, out);
}

/* writeFile(file, data[, options], cb), appendFile likewise with flag 'a' */
static js_status write_file(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    const char *api = c->api;
    const char *given, *abs, *bytes;
    size_t len;
    js_value cb, flag;
    js_status st = last_callback(e, a, 2, &cb);
    if (st == JS_OK && js_arg(a, 0).type == JS_TNUMBER) {
        host_refuse(e, "%s: loopsim models writing to a path, not a file descriptor", api);
        return JS_STOP;
    }
    js_value options = a->argc > 3 ? a->argv[2] : js_undefined();
    if (st == JS_OK)
        st = option(e, options, "flag", &flag);
    open_flags fl;
    if (st == JS_OK)
        st = flags_arg(e, flag, c->flag, api, &fl);
    if (st == JS_OK)
        st = data_arg(e, js_arg(a, 1), api, &bytes, &len);
    if (st == JS_OK)
        st = path_arg(e, a, 0, "path", api, &given, &abs);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_WRITE_FILE, api, "open", cb);
    r->given = given;
    r->abs = abs;
    r->flags = fl;
    r->bytes = bytes;
    r->len = len;
    r->job.keep[0] = js_arg(a, 1);
    return submit(e, r, out);
}

/* the calls on one path with a callback last: stat, lstat, access, exists, readdir, unlink,
 * mkdir, rmdir */
static js_status path_call(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    fs_op op = c->op;
    const char *api = c->api, *syscall = c->syscall;
    const char *given, *abs;
    js_value cb;
    js_status st = last_callback(e, a, 1, &cb);
    if (st == JS_OK && op == OP_MKDIR && a->argc > 2) {
        js_value rec;
        if ((st = option(e, a->argv[1], "recursive", &rec)) == JS_OK && js_to_boolean(rec)) {
            host_refuse(e, "fs.mkdir: loopsim does not model { recursive: true } (one request "
                           "per level in Node's MKDirpAsync)");
            return JS_STOP;
        }
    }
    if (st == JS_OK && op == OP_READDIR && a->argc > 2) {
        js_value wft;
        if ((st = option(e, a->argv[1], "withFileTypes", &wft)) == JS_OK && js_to_boolean(wft)) {
            host_refuse(e, "fs.readdir: loopsim does not model { withFileTypes: true }");
            return JS_STOP;
        }
    }
    if (st == JS_OK)
        st = path_arg(e, a, 0, "path", api, &given, &abs);
    if (st != JS_OK) {
        /* fs.exists: a bad path is callback(false), synchronously (lib/fs.js exists) */
        if (op == OP_EXISTS && st == JS_THROW && js_is_callable(cb)) {
            js_take_exception(a->vm);
            js_value f = js_bool(false), r;
            return js_call(a->vm, cb, js_undefined(), 1, &f, &r);
        }
        return st;
    }
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, op, api, syscall, cb);
    r->given = given;
    r->abs = abs;
    if (op == OP_STAT && host_fs_site(e).trips > 0) {
        ls_vnode *v = lookup(e, abs);
        json_trips(e, r, v ? js_null() : fs_error(e, FS_ENOENT, "stat", given, NULL, true),
                   v ? stats(e, v) : js_undefined(), v != NULL);
    }
    return submit(e, r, out);
}


static js_status fs_rename(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given, *abs, *given2, *abs2;
    js_value cb;
    js_status st = last_callback(e, a, 2, &cb);
    if (st == JS_OK)
        st = path_arg(e, a, 0, "oldPath", "fs.rename", &given, &abs);
    if (st == JS_OK)
        st = path_arg(e, a, 1, "newPath", "fs.rename", &given2, &abs2);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_RENAME, "fs.rename", "rename", cb);
    r->given = given;
    r->abs = abs;
    r->given2 = given2;
    r->abs2 = abs2;
    return submit(e, r, out);
}

/* open(path[, flags[, mode]], cb) */
static js_status fs_open(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given, *abs;
    js_value cb;
    open_flags fl;
    js_status st = last_callback(e, a, 0, &cb);
    if (st == JS_OK)
        st = path_arg(e, a, 0, "path", "fs.open", &given, &abs);
    /* open(path, cb): the callback is in the flags' place (fs.promises: nothing is) */
    if (st == JS_OK)
        st = flags_given(e, a->argc > (e->fs.promise_api ? 2 : 1) ? a->argv[1] : js_undefined());
    if (st == JS_OK)
        st = flags_arg(e, a->argc > 2 ? a->argv[1] : js_undefined(), "r", "fs.open", &fl);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_OPEN, "fs.open", "open", cb);
    r->given = given;
    r->abs = abs;
    r->flags = fl;
    return submit(e, r, out);
}

/* the calls on a descriptor: close(fd[, cb]), fstat(fd[, options], cb) */
static js_status fd_call(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    fs_op op = c->op;
    const char *api = c->api, *syscall = c->syscall;
    int fd = -1;
    js_value cb = a->argc > 1 ? a->argv[a->argc - 1] : js_undefined();
    /* the descriptor is checked first; close's callback may be left out where Node has
     * defaultCloseCallback (profile.def fs_close_callback_optional) */
    js_status st = fd_arg(e, a, 0, &fd);
    if (st == JS_OK && !(op == OP_CLOSE && e->profile->process.fs_close_callback_optional &&
                         js_is_undefined(cb)))
        st = callback_ok(e, cb);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, op, api, syscall, js_is_callable(cb) ? cb : js_undefined());
    r->fd = fd;
    return submit(e, r, out);
}


/* write(fd, string[, position[, encoding]], cb), write(fd, buffer[, ...], cb): the whole data
 * at the file's position (or its end, opened to append); the position argument is not
 * modelled */
static js_status fs_write(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int fd = -1;
    const char *bytes;
    size_t len;
    js_value cb;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st == JS_OK)
        st = data_arg(e, js_arg(a, 1), "fs.write", &bytes, &len);
    if (st == JS_OK)
        st = last_callback(e, a, 2, &cb);
    if (st != JS_OK)
        return st;
    if (fd == 1 || fd == 2) {
        /* the pool thread writes the moment it runs the request, which may come before
         * output the loop prints earlier in the model's order */
        host_refuse(e, "loopsim does not model fs.write to stdout or stderr (a pool thread "
                       "writes it at a moment the model does not place); fs.writeSync does");
        return JS_STOP;
    }
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_WRITE, "fs.write", "write", cb);
    r->fd = fd;
    r->bytes = bytes;
    r->len = len;
    r->job.keep[0] = js_arg(a, 1);
    return submit(e, r, out);
}

/* ---- fs.read, fs.readSync: into the program's buffer ---------------------------------------------
 *
 * The forms each version takes (lib/fs.js read and readSync, @v10.7.0, @v12.22.12, @v16.20.2,
 * @v22.23.3; profile.def fs_read_options, fs_read_sync_options, fs_read_buffer_options):
 *   read(fd, buffer, offset, length, position, callback)   every version
 *   read(fd, [options,] callback)                          12.17+, 13.11+: options.buffer, or
 *                                                          a new Buffer.alloc(16384)
 *   read(fd, buffer, [options,] callback)                  16.17+, 18.2+
 *   readSync(fd, buffer, offset, length, position)         every version
 *   readSync(fd, buffer[, options])                        12.17+, 13.13+
 * offset and length are integers (`offset |= 0`, validateInteger), a left-out one 0; a length
 * of 0 calls back from process.nextTick with (null, 0, buffer) and makes no request (readSync
 * returns 0); else one trip "read" of up to length bytes, at position when it is an integer
 * (pread: the descriptor's offset stays) or at the descriptor's offset (null, -1, left out),
 * the bytes written into buffer at offset when the trip completes; the callback gets
 * (err, bytesRead, buffer).  What Node throws for (an empty buffer, a length past the buffer's
 * end, a position of another type) is refused: the wording differs by version. */

static js_status throw_fs(ls_engine *e, fs_err err, const char *syscall, const char *path,
                          const char *dest);

typedef struct {
    js_value buffer, cb;
    char *bytes;       /* the buffer's memory */
    size_t buflen;
    double offset, length, position;
} read_call;

/* ToInt32 (`x |= 0`) */
static double to_int32(double d)
{
    if (!isfinite(d))
        return 0;
    double t = fmod(trunc(d), 4294967296.0);
    if (t < 0)
        t += 4294967296.0;
    return t >= 2147483648.0 ? t - 4294967296.0 : t;
}

/* `length |= 0` (every version) */
static js_status read_length(ls_engine *e, js_value v, double *out)
{
    double d = 0;
    if (js_to_number(e->host.vm, v, &d) != JS_OK)
        return JS_THROW;
    *out = to_int32(d);
    return JS_OK;
}

/* the offset: `offset |= 0` before 13; from 13, null or undefined is 0 and anything else
 * validateInteger(offset, 'offset'): a number that is an integer (profile.def
 * fs_read_offset_validated) */
static js_status read_offset(ls_engine *e, const char *api, js_value v, double *out)
{
    if (!e->profile->process.fs_read_offset_validated)
        return read_length(e, v, out);
    *out = 0;
    if (js_is_undefined(v) || v.type == JS_TNULL)
        return JS_OK;
    if (v.type != JS_TNUMBER)
        return host_invalid_arg_type(e, "offset", "of type number", v);
    if (v.u.number != floor(v.u.number) || fabs(v.u.number) > 9007199254740991.0) {
        host_refuse(e, "%s: loopsim does not model an offset that is not an integer (%s): Node's "
                    "ERR_OUT_OF_RANGE", api, host_inspect(e, v));
        return JS_STOP;
    }
    *out = v.u.number;
    return JS_OK;
}

/* the position: an integer from -1, or null or undefined (-1); what Node makes of another
 * value differs by version (-1 before 13, a throw after), refused */
static js_status read_position(ls_engine *e, const char *api, js_value v, double *out)
{
    *out = -1;
    if (js_is_undefined(v) || v.type == JS_TNULL)
        return JS_OK;
    if (v.type != JS_TNUMBER || v.u.number != floor(v.u.number) || v.u.number < -1 ||
        v.u.number > 9007199254740991.0) {
        host_refuse(e, "%s: loopsim models a position that is an integer from -1, or null (got "
                    "%s); what Node does with this one differs by version", api,
                    host_inspect(e, v));
        return JS_STOP;
    }
    *out = v.u.number;
    return JS_OK;
}

/* options.offset, .length, .position, as `({ offset = 0, length = ..., position } = params)`;
 * a length left out is the buffer's length (less the offset from 16.17 and 18.2) */
static js_status read_options(ls_engine *e, const char *api, js_value params, read_call *rc)
{
    js_value off = js_undefined(), len = js_undefined(), pos = js_undefined();
    js_vm *vm = e->host.vm;
    if (params.type == JS_TOBJECT && (js_get(vm, params, "offset", &off) != JS_OK ||
                                      js_get(vm, params, "length", &len) != JS_OK ||
                                      js_get(vm, params, "position", &pos) != JS_OK))
        return JS_THROW;
    js_status st = read_offset(e, api, js_is_undefined(off) ? js_number(0) : off, &rc->offset);
    if (st != JS_OK)
        return st;
    if (js_is_undefined(len)) {
        if (rc->offset != 0 && !e->profile->process.fs_read_buffer_options) {
            host_refuse(e, "%s: loopsim does not model options.offset without options.length "
                        "before Node 16.17 and 18.2", api);
            return JS_STOP;
        }
        len = js_number((double)rc->buflen - rc->offset);
    }
    if ((st = read_length(e, len, &rc->length)) != JS_OK)
        return st;
    return read_position(e, api, pos, &rc->position);
}

/* the callback: 10.x calls it only if there is one (`callback && callback(...)`); from 11,
 * maybeCallback, then validateFunction (host_callback_arg) (profile.def
 * fs_read_callback_checked) */
static js_status read_callback(ls_engine *e, read_call *rc)
{
    if (!e->profile->process.fs_read_callback_checked && !js_is_callable(rc->cb)) {
        if (js_to_boolean(rc->cb)) {
            host_refuse(e, "fs.read: loopsim does not model a callback that is not a function "
                        "on Node 10 (%s: the read is made, and its completion throws)",
                        host_inspect(e, rc->cb));
            return JS_STOP;
        }
        rc->cb = js_undefined();
        return JS_OK;
    }
    return callback_ok(e, rc->cb);
}

/* the buffer: one of loopsim's Buffers whose bytes it knows; anything else is what
 * validateBuffer throws for (loopsim has no TypedArray or DataView) */
static js_status read_buffer(ls_engine *e, js_value v, read_call *rc)
{
    rc->buffer = v;
    if (!host_is_buffer(v))
        return host_invalid_arg_type(e, "buffer", "an instance of Buffer, TypedArray, or DataView",
                                     v);
    return host_buffer_target(e, v, &rc->bytes, &rc->buflen) ? JS_OK : JS_STOP;
}

/* a new Buffer.alloc(16384), the options forms' own */
static js_status read_new_buffer(ls_engine *e, read_call *rc)
{
    char *zeros = arena_alloc(e->arena, 16384);
    return read_buffer(e, host_new_buffer(e, zeros, 16384), rc);
}

/* what validateOffsetLengthRead and the empty-buffer check throw for, refused */
static js_status read_fits(ls_engine *e, const char *api, const read_call *rc)
{
    if (rc->buflen > 0 && rc->offset >= 0 && rc->length > 0 &&
        rc->offset + rc->length <= (double)rc->buflen)
        return JS_OK;
    host_refuse(e, "%s: loopsim does not model reading %g bytes at offset %g of a buffer of %zu "
                "(Node throws; the wording differs by version)", api, rc->length, rc->offset,
                rc->buflen);
    return JS_STOP;
}

/* 10.x's tick for a read of length 0 without a callback: `callback && ...` */
static void no_callback(ls_engine *e, js_value arg)
{
    (void)e;
    (void)arg;
}

static js_status fs_read(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const ls_profile *p = e->profile;
    read_call rc = {0};
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st != JS_OK)
        return st;
    js_value params = js_undefined();
    bool options = true;
    if (a->argc <= 4 && p->process.fs_read_buffer_options) {
        rc.cb = a->argv[a->argc - 1];
        if (a->argc == 4) {
            params = a->argv[2];
            st = read_buffer(e, a->argv[1], &rc);
        } else if (a->argc == 3 && host_is_buffer(a->argv[1])) {
            st = read_buffer(e, a->argv[1], &rc);
        } else {
            js_value given = js_undefined();
            if (a->argc == 3 && (params = a->argv[1]).type == JS_TOBJECT &&
                (st = js_get(a->vm, params, "buffer", &given)) != JS_OK)
                return st;
            st = js_is_undefined(given) ? read_new_buffer(e, &rc)
                                        : read_buffer(e, given, &rc);
        }
    } else if (a->argc <= 3 && p->process.fs_read_options) {
        rc.cb = a->argv[a->argc - 1];
        js_value given = js_undefined();
        if (a->argc == 3 && (params = a->argv[1]).type == JS_TOBJECT &&
            !host_is_buffer(params) && (st = js_get(a->vm, params, "buffer", &given)) != JS_OK)
            return st;
        if (a->argc == 3 && host_is_buffer(params)) {
            /* fs.read(fd, buffer, callback) before 16.17 and 18.2: the buffer is taken for
             * the options, whose `buffer` is its ArrayBuffer, which validateBuffer throws for
             * (lib/fs.js read @v12.22.12, @v14.21.3) */
            return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be "
                                   "an instance of Buffer, TypedArray, or DataView. Received an "
                                   "instance of ArrayBuffer");
        }
        if (a->argc == 3 && params.type != JS_TOBJECT) {
            host_refuse(e, "fs.read: loopsim models fs.read(fd, options, callback) with options "
                        "an object (got %s)", host_inspect(e, params));
            return JS_STOP;
        }
        st = js_is_undefined(given) ? read_new_buffer(e, &rc)
                                    : read_buffer(e, given, &rc);
    } else {
        options = false;
        rc.cb = js_arg(a, 5);
        st = read_buffer(e, js_arg(a, 1), &rc);
        if (st == JS_OK)
            st = read_callback(e, &rc);
        if (st == JS_OK)
            st = read_offset(e, "fs.read", js_arg(a, 2), &rc.offset);
        if (st == JS_OK)
            st = read_length(e, js_arg(a, 3), &rc.length);
        if (st == JS_OK)
            st = read_position(e, "fs.read", js_arg(a, 4), &rc.position);
    }
    if (st == JS_OK && options) {
        if (params.type != JS_TOBJECT && !js_is_undefined(params) && params.type != JS_TNULL) {
            host_refuse(e, "fs.read: loopsim models options that are an object (got %s)",
                        host_inspect(e, params));
            return JS_STOP;
        }
        st = read_callback(e, &rc);
        if (st == JS_OK)
            st = read_options(e, "fs.read", params, &rc);
    }
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    *out = js_undefined();
    if (rc.length == 0) { /* process.nextTick(function tick() { callback(null, 0, buffer); }) */
        if (js_is_undefined(rc.cb)) {
            host_next_tick_native(e, "tick", no_callback, js_undefined());
            return JS_OK;
        }
        js_value *args = arena_alloc(e->arena, 3 * sizeof *args);
        args[0] = js_null();
        args[1] = js_number(0);
        args[2] = rc.buffer;
        ls_origin origin = {"fs.read", host_label(e, rc.cb), engine_next_seq(e)};
        tasks_next_tick(e, rc.cb, args, 3, origin);
        return JS_OK;
    }
    if ((st = read_fits(e, "fs.read", &rc)) != JS_OK)
        return st;
    fs_req *r = new_req(e, OP_READ, "fs.read", "read", rc.cb);
    r->fd = fd;
    r->len = (size_t)rc.length;
    r->into = rc.bytes + (size_t)rc.offset;
    r->position = rc.position;
    r->job.keep[0] = rc.buffer;
    return submit(e, r, out);
}

/* readSync: the number of bytes read, at once; an error thrown */
static js_status fs_read_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    read_call rc = {0};
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st == JS_OK)
        st = read_buffer(e, js_arg(a, 1), &rc);
    if (st != JS_OK)
        return st;
    js_value options = js_arg(a, 2);
    if ((a->argc <= 3 && e->profile->process.fs_read_sync_options) ||
        (e->profile->process.fs_read_sync_object_options &&
         (options.type == JS_TOBJECT || options.type == JS_TNULL))) {
        if (!js_is_undefined(options) && options.type != JS_TOBJECT && options.type != JS_TNULL) {
            host_refuse(e, "fs.readSync: loopsim models fs.readSync(fd, buffer, options) with "
                        "options an object (got %s)", host_inspect(e, options));
            return JS_STOP;
        }
        st = read_options(e, "fs.readSync", options, &rc);
    } else {
        st = read_offset(e, "fs.readSync", js_arg(a, 2), &rc.offset);
        if (st == JS_OK)
            st = read_length(e, js_arg(a, 3), &rc.length);
        if (st == JS_OK)
            st = read_position(e, "fs.readSync", js_arg(a, 4), &rc.position);
    }
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    *out = js_number(0);
    if (rc.length == 0)
        return JS_OK;
    if ((st = read_fits(e, "fs.readSync", &rc)) != JS_OK)
        return st;
    const char *bytes;
    size_t n = 0;
    fs_err err = sys_pread(e, fd, (size_t)rc.length, rc.position, &bytes, &n);
    if (err)
        return throw_fs(e, err, "read", NULL, NULL);
    if (n)
        memmove(rc.bytes + (size_t)rc.offset, bytes, n);
    *out = js_number((double)n);
    return JS_OK;
}

/* util.promisify's names for the values of a callback that gets several (Node's
 * customPromisifyArgs: lib/fs.js read ['bytesRead', 'buffer'], write ['bytesWritten',
 * 'buffer']), NULL for another function */
const char *const *fs_promisify_args(js_value fn)
{
    static const char *const read[] = {"bytesRead", "buffer", NULL};
    static const char *const write[] = {"bytesWritten", "buffer", NULL};
    js_native_fn f = js_native_function(fn);
    return f == fs_read ? read : f == fs_write ? write : NULL;
}

/* ---- what the streams use (require('internal'): fsRead, fsWritev) ------------------------------
 *
 * lib/internal/fs/streams.js reads with fs.read into a buffer it allocates and writes with
 * fs.write or fs.writev; the prelude's streams (prelude/fs_streams.js) make the same requests
 * through these two, which give a new Buffer of what was read and take whole chunks:
 *   fsRead(fd, length, cb)     one trip, "read": up to length bytes at the file's position;
 *                              cb(err, bytesRead, buffer of those bytes)
 *   fsWritev(fd, chunks, cb)   one trip, "write": the chunks (Buffers or strings) one after the
 *                              other at the file's position; cb(err, bytesWritten, chunks)
 * (fs.read itself, into the program's buffer, is above; fs.writev stays refused.) */

static js_status fs_read_internal(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st != JS_OK)
        return st;
    js_value n = js_arg(a, 1), cb = js_arg(a, 2);
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_READ, "fs.read", "read", cb);
    r->fd = fd;
    r->len = n.type == JS_TNUMBER && n.u.number > 0 ? (size_t)n.u.number : 0;
    return submit(e, r, out);
}

static js_status fs_writev_internal(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_vm *vm = a->vm;
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st != JS_OK)
        return st;
    js_value chunks = js_arg(a, 1), cb = js_arg(a, 2), len_v;
    if ((st = js_get(vm, chunks, "length", &len_v)) != JS_OK)
        return st;
    size_t count = len_v.type == JS_TNUMBER ? (size_t)len_v.u.number : 0, total = 0;
    const char **parts = arena_alloc(e->arena, (count + 1) * sizeof *parts);
    size_t *lens = arena_alloc(e->arena, (count + 1) * sizeof *lens);
    for (size_t i = 0; i < count; i++) {
        js_value c;
        char key[24];
        snprintf(key, sizeof key, "%zu", i);
        if ((st = js_get(vm, chunks, key, &c)) != JS_OK ||
            (st = data_arg(e, c, "a write stream's write", &parts[i], &lens[i])) != JS_OK)
            return st;
        total += lens[i];
    }
    char *bytes = arena_alloc(e->arena, total + 1);
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        if (lens[i])
            memcpy(bytes + at, parts[i], lens[i]);
        at += lens[i];
    }
    engine_spend(e, e->costs.api_call);
    fs_req *r = new_req(e, OP_WRITE, count > 1 ? "fs.writev" : "fs.write", "write", cb);
    r->fd = fd;
    r->bytes = bytes;
    r->len = total;
    r->job.keep[0] = chunks;
    return submit(e, r, out);
}

void fs_internal_bindings(ls_engine *e, js_object *on)
{
    js_define_method(e->host.vm, on, "fsRead", 3, fs_read_internal, e->host.link);
    js_define_method(e->host.vm, on, "fsWritev", 3, fs_writev_internal, e->host.link);
}

/* fs.createReadStream, fs.createWriteStream: the prelude's streams (prelude/fs_streams.js, the
 * profile's form of them) */
static js_status create_stream(const js_args *a, const char *name, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value m, f;
    js_status st = host_require_internal(e, "internal/fs_streams", &m);
    if (st == JS_OK)
        st = js_get(a->vm, m, name, &f);
    if (st != JS_OK)
        return st;
    return js_call(a->vm, f, js_undefined(), a->argc, a->argv, out);
}

/* fs.ReadStream, fs.WriteStream: getters, as lib/fs.js defines them (lazily) */
static js_status stream_class(const js_args *a, const char *name, js_value *out)
{
    js_value m;
    js_status st = host_require_internal(engine_of(a), "internal/fs_streams", &m);
    return st == JS_OK ? js_get(a->vm, m, name, out) : st;
}

static js_status fs_read_stream_class(const js_args *a, js_value *out)
{
    return stream_class(a, "ReadStream", out);
}

static js_status fs_write_stream_class(const js_args *a, js_value *out)
{
    return stream_class(a, "WriteStream", out);
}

static js_status fs_create_read_stream(const js_args *a, js_value *out)
{
    return create_stream(a, "createReadStream", out);
}

static js_status fs_create_write_stream(const js_args *a, js_value *out)
{
    return create_stream(a, "createWriteStream", out);
}

/* ---- the synchronous calls ------------------------------------------------------------------------
 * No request and no callback: the system call on the main thread, costing an API call's time;
 * its error is thrown (with the program's frames in its stack). */

static js_status throw_fs(ls_engine *e, fs_err err, const char *syscall, const char *path,
                          const char *dest)
{
    return js_throw(e->host.vm, fs_error(e, err, syscall, path, dest, false));
}

static js_status fs_read_file_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given = NULL, *abs = NULL;
    if (js_arg(a, 0).type == JS_TNUMBER) {
        host_refuse(e, "fs.readFileSync: loopsim models reading a path, not a file descriptor");
        return JS_STOP;
    }
    js_status st = path_arg(e, a, 0, "path", "fs.readFileSync", &given, &abs);
    bool string = st == JS_OK && encoding_given(e, js_arg(a, 1), &st);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    ls_vnode *v = NULL;
    fs_err err = sys_stat(e, abs, &v);
    if (err)
        return throw_fs(e, err, "open", given, NULL);
    if (v->dir)
        return throw_fs(e, FS_EISDIR, "read", NULL, NULL);
    *out = contents(e, v->data ? v->data : "", v->len, string);
    return JS_OK;
}

static js_status write_file_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    const char *api = c->api;
    const char *given, *abs, *bytes;
    size_t len;
    js_value flag;
    open_flags fl;
    if (js_arg(a, 0).type == JS_TNUMBER) {
        host_refuse(e, "%s: loopsim models writing to a path, not a file descriptor", api);
        return JS_STOP;
    }
    js_status st = option(e, js_arg(a, 2), "flag", &flag);
    if (st == JS_OK)
        st = flags_arg(e, flag, c->flag, api, &fl);
    if (st == JS_OK)
        st = data_arg(e, js_arg(a, 1), api, &bytes, &len);
    if (st == JS_OK)
        st = path_arg(e, a, 0, "path", api, &given, &abs);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    int fd;
    fs_err err = sys_open(e, abs, fl, &fd);
    if (err)
        return throw_fs(e, err, "open", given, NULL);
    err = sys_write(e, fd, bytes, len);
    sys_close(e, fd);
    if (err)
        return throw_fs(e, err, "write", NULL, NULL);
    *out = js_undefined();
    return JS_OK;
}

static js_status path_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    fs_op op = c->op;
    const char *api = c->api, *syscall = c->syscall;
    const char *given, *abs;
    js_status st = path_arg(e, a, 0, "path", api, &given, &abs);
    if (st != JS_OK) {
        if (op == OP_EXISTS && st == JS_THROW) { /* existsSync: false for a bad path */
            js_take_exception(a->vm);
            *out = js_bool(false);
            return JS_OK;
        }
        return st;
    }
    if (op == OP_MKDIR && a->argc > 1) {
        js_value rec;
        if ((st = option(e, a->argv[1], "recursive", &rec)) != JS_OK)
            return st;
        if (js_to_boolean(rec)) {
            host_refuse(e, "fs.mkdirSync: loopsim does not model { recursive: true }");
            return JS_STOP;
        }
    }
    engine_spend(e, e->costs.api_call);
    ls_vnode *v = NULL;
    fs_err err = FS_OK;
    *out = js_undefined();
    switch (op) {
    case OP_STAT:
    case OP_LSTAT:
        if (!(err = sys_stat(e, abs, &v)))
            *out = stats(e, v);
        break;
    case OP_ACCESS:
        err = sys_stat(e, abs, &v);
        break;
    case OP_EXISTS:
        *out = js_bool(sys_stat(e, abs, &v) == FS_OK);
        break;
    case OP_READDIR: {
        const char **names;
        size_t n;
        if (!(err = sys_readdir(e, abs, &names, &n)))
            *out = names_array(e, names, n);
        break;
    }
    case OP_UNLINK:
        err = sys_unlink(e, abs);
        break;
    case OP_MKDIR:
        err = sys_mkdir(e, abs);
        break;
    case OP_RMDIR:
        err = sys_rmdir(e, abs);
        break;
    default:
        break;
    }
    return err ? throw_fs(e, err, syscall, given, NULL) : JS_OK;
}


static js_status fs_rename_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given = NULL, *abs = NULL, *given2 = NULL, *abs2 = NULL;
    js_status st = path_arg(e, a, 0, "oldPath", "fs.renameSync", &given, &abs);
    if (st == JS_OK)
        st = path_arg(e, a, 1, "newPath", "fs.renameSync", &given2, &abs2);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_err err = sys_rename(e, abs, abs2);
    *out = js_undefined();
    return err ? throw_fs(e, err, "rename", given, given2) : JS_OK;
}

static js_status fs_open_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *given = NULL, *abs = NULL;
    open_flags fl;
    js_status st = path_arg(e, a, 0, "path", "fs.openSync", &given, &abs);
    if (st == JS_OK)
        st = flags_given(e, js_arg(a, 1));
    if (st == JS_OK)
        st = flags_arg(e, js_arg(a, 1), "r", "fs.openSync", &fl);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    int fd;
    fs_err err = sys_open(e, abs, fl, &fd);
    if (err)
        return throw_fs(e, err, "open", given, NULL);
    *out = js_number(fd);
    return JS_OK;
}

static js_status fs_close_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    *out = js_undefined();
    fs_err err = sys_close(e, fd);
    return err ? throw_fs(e, err, "close", NULL, NULL) : JS_OK;
}

static js_status fs_fstat_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int fd = -1;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    ls_vnode *v;
    fs_err err = sys_fstat(e, fd, &v);
    if (err)
        return throw_fs(e, err, "fstat", NULL, NULL);
    *out = stats(e, v);
    return JS_OK;
}

/* writeSync(fd, string|buffer, ...): the number of bytes written */
static js_status fs_write_sync(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int fd = -1;
    const char *bytes;
    size_t len;
    js_status st = fd_arg(e, a, 0, &fd);
    if (st == JS_OK)
        st = data_arg(e, js_arg(a, 1), "fs.writeSync", &bytes, &len);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    fs_err err = sys_write(e, fd, bytes, len);
    if (err)
        return throw_fs(e, err, "write", NULL, NULL);
    *out = js_number((double)len);
    return JS_OK;
}

/* What fs has that loopsim does not model: calling it stops the run with a message, rather
 * than throw a TypeError the real program would not. */
/* fs.promises.constants (Node 18.4+), a getter: refused when read rather than undefined */
static js_status fsp_constants_refused(const js_args *a, js_value *out)
{
    (void)out;
    host_refuse(engine_of(a), "loopsim does not model fs.promises.constants (fs.constants is "
                "modelled)");
    return JS_STOP;
}

static const fs_call calls[] = {
    {"fs.readFile", 3, fs_read_file, OP_READ_FILE, "open", "r", true},
    {"fs.writeFile", 4, write_file, OP_WRITE_FILE, "open", "w", true},
    {"fs.appendFile", 4, write_file, OP_WRITE_FILE, "open", "a", true},
    {"fs.stat", 3, path_call, OP_STAT, "stat", NULL, true},
    {"fs.lstat", 3, path_call, OP_LSTAT, "lstat", NULL, true},
    {"fs.fstat", 3, fd_call, OP_FSTAT, "fstat", NULL, false},
    {"fs.access", 3, path_call, OP_ACCESS, "access", NULL, true},
    {"fs.exists", 2, path_call, OP_EXISTS, "access", NULL, false},
    {"fs.readdir", 3, path_call, OP_READDIR, "scandir", NULL, true},
    {"fs.open", 4, fs_open, OP_OPEN, "open", NULL, true},
    {"fs.close", 2, fd_call, OP_CLOSE, "close", NULL, false},
    {"fs.write", 6, fs_write, OP_WRITE, "write", NULL, false},
    {"fs.read", 6, fs_read, OP_READ, "read", NULL, false},
    {"fs.unlink", 2, path_call, OP_UNLINK, "unlink", NULL, true},
    {"fs.mkdir", 3, path_call, OP_MKDIR, "mkdir", NULL, true},
    {"fs.rmdir", 3, path_call, OP_RMDIR, "rmdir", NULL, true},
    {"fs.rename", 3, fs_rename, OP_RENAME, "rename", NULL, true},
    {"fs.readFileSync", 2, fs_read_file_sync, OP_READ_FILE, "open", "r", false},
    {"fs.writeFileSync", 3, write_file_sync, OP_WRITE_FILE, "open", "w", false},
    {"fs.appendFileSync", 3, write_file_sync, OP_WRITE_FILE, "open", "a", false},
    {"fs.statSync", 2, path_sync, OP_STAT, "stat", NULL, false},
    {"fs.lstatSync", 2, path_sync, OP_LSTAT, "lstat", NULL, false},
    {"fs.fstatSync", 2, fs_fstat_sync, OP_FSTAT, "fstat", NULL, false},
    {"fs.accessSync", 2, path_sync, OP_ACCESS, "access", NULL, false},
    {"fs.existsSync", 1, path_sync, OP_EXISTS, "access", NULL, false},
    {"fs.readdirSync", 2, path_sync, OP_READDIR, "scandir", NULL, false},
    {"fs.openSync", 3, fs_open_sync, OP_OPEN, "open", NULL, false},
    {"fs.closeSync", 1, fs_close_sync, OP_CLOSE, "close", NULL, false},
    {"fs.writeSync", 5, fs_write_sync, OP_WRITE, "write", NULL, false},
    {"fs.readSync", 5, fs_read_sync, OP_READ, "read", NULL, false},
    {"fs.unlinkSync", 1, path_sync, OP_UNLINK, "unlink", NULL, false},
    {"fs.mkdirSync", 2, path_sync, OP_MKDIR, "mkdir", NULL, false},
    {"fs.rmdirSync", 2, path_sync, OP_RMDIR, "rmdir", NULL, false},
    {"fs.renameSync", 2, fs_rename_sync, OP_RENAME, "rename", NULL, false},
};

static const fs_call *call_of(const js_args *a)
{
    return &calls[(size_t)js_native_slot(a->callee, 0)->u.number];
}

/* ---- fs.promises ------------------------------------------------------------------------------
 *
 * Each function makes the requests of the callback form, with the same trips (but readFile's
 * and writeFile's chunks, promise_chunk), and settles its promise where the callback form calls
 * back: in the completion of the last trip, in its callback scope (Node's FSReqPromise resolves
 * from the completion; lib/internal/fs/promises.js awaits each request in turn).  An argument
 * the callback form throws for rejects the promise instead (the functions are async).  Node's
 * own JavaScript puts a few promise jobs between a trip's completion and the next trip or the
 * program's reaction (2 to 11 by version and function); here there is one.  Those jobs run in
 * that completion's own microtask drain, where nothing else of the program's is queued, so no
 * order the program prints depends on their number.  open() gives a FileHandle: fd, close(),
 * stat(), readFile(). */

enum { SETTLE_VALUE, SETTLE_HANDLE };

/* a FileHandle: its descriptor, and whether close() was called */
typedef struct {
    int fd;
    bool closed;
} handle_data;

static void fingerprint_handle(js_vm *vm, ls_fp *fp, void *data)
{
    (void)vm;
    const handle_data *h = data;
    fp_u64(fp, (uint64_t)(int64_t)h->fd * 2 + h->closed);
}

static const js_host_class handle_class = {"FileHandle", NULL, fingerprint_handle, NULL};

/* the settling "callback": slot 0 the promise, slot 1 what the value becomes */
static js_status settle(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value promise = *js_native_slot(a->callee, 0), err = js_arg(a, 0), v = js_arg(a, 1);
    *out = js_undefined();
    if (!js_is_nullish(err)) {
        js_reject_promise(a->vm, promise, err);
        return JS_OK;
    }
    if (js_native_slot(a->callee, 1)->u.number == SETTLE_HANDLE) {
        handle_data *h = arena_alloc(e->arena, sizeof *h);
        h->fd = (int)v.u.number;
        v = js_new_host_object(a->vm, &handle_class, h, e->fs.handle_proto);
    }
    js_resolve_promise(a->vm, promise, v);
    return JS_OK;
}

/* the callback that settles `promise` (its value made as `kind` says) */
static js_value settler(ls_engine *e, js_value promise, int kind)
{
    js_value cb = js_new_native(e->host.vm, "", 2, settle, e->host.link, 2);
    *js_native_slot(cb.u.object, 0) = promise;
    *js_native_slot(cb.u.object, 1) = js_number(kind);
    return cb;
}

/* Calls the callback form `api` ("fs.stat") with the arguments and a settling callback as the
 * last; the request it makes is named `promise_api`.  *out: the promise. */
static js_status promise_call(ls_engine *e, const char *api, const char *promise_api,
                              const js_value *argv, int argc, int kind, js_value *out)
{
    js_vm *vm = e->host.vm;
    size_t row = 0;
    while (strcmp(calls[row].api, api) != 0)
        row++;
    fs_ready(e);
    /* the callback form's native itself (what the program sees as fs.stat may be replaced) */
    js_value fn = js_new_native(vm, api + 3, calls[row].length, calls[row].fn, e->host.link, 1);
    *js_native_slot(fn.u.object, 0) = js_number((double)row);
    js_value promise = js_new_promise(vm);
    js_value cb = settler(e, promise, kind);
    js_value *args = arena_alloc(e->arena, (size_t)(argc + 1) * sizeof *args);
    for (int i = 0; i < argc; i++)
        args[i] = argv[i];
    args[argc] = cb;
    js_args inner = {vm, js_undefined(), argc + 1, args, js_undefined(), fn.u.object};
    const char *outer = e->fs.promise_api;
    e->fs.promise_api = promise_api;
    js_value ignored;
    js_status st = calls[row].fn(&inner, &ignored);
    e->fs.promise_api = outer;
    if (st == JS_THROW) /* an async function's throw: its promise rejects */
        js_reject_promise(vm, promise, js_take_exception(vm));
    else if (st != JS_OK)
        return st;
    *out = promise;
    return JS_OK;
}

/* fs.promises.NAME(...): slot 0 the callback form's row */
static js_status fsp_call(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const fs_call *c = call_of(a);
    const char *name = arena_printf(e->arena, "fs.promises.%s", c->api + 3);
    return promise_call(e, c->api, name, a->argv, a->argc,
                        c->op == OP_OPEN ? SETTLE_HANDLE : SETTLE_VALUE, out);
}

/* this FileHandle's descriptor (-1 if it is not a FileHandle) */
static int handle_fd(const js_args *a)
{
    handle_data *h = js_host_data(a->this_value, &handle_class);
    return h ? h->fd : -1;
}

/* filehandle.fd: -1 once closed from 13.9 and 12.17 (profile.def filehandle_fd_cleared) */
static js_status fh_fd(const js_args *a, js_value *out)
{
    handle_data *h = js_host_data(a->this_value, &handle_class);
    bool cleared = h && h->closed && engine_of(a)->profile->process.filehandle_fd_cleared;
    *out = js_number(cleared ? -1 : handle_fd(a));
    return JS_OK;
}

/* A closed FileHandle from 14.9 (profile.def filehandle_closed_check): close resolves at once,
 * the other methods reject with "file closed" (lib/internal/fs/promises.js @v20.20.2 close:
 * `if (this[kFd] === -1) return PromiseResolve()`; fsCall: `const err = new Error('file
 * closed'); err.code = 'EBADF'; err.syscall = fn.name`); before, they make their request on the
 * closed descriptor, which fails with EBADF (or reaches a file opened since on that number). */
static bool closed_rejects(const js_args *a, const char *syscall, js_value *out)
{
    ls_engine *e = engine_of(a);
    handle_data *h = js_host_data(a->this_value, &handle_class);
    if (!h || !h->closed || !e->profile->process.filehandle_closed_check)
        return false;
    js_value err = js_new_error(a->vm, "Error", "file closed");
    js_set(a->vm, err, "code", js_new_cstring(a->vm, "EBADF"));
    js_set(a->vm, err, "syscall", js_new_cstring(a->vm, syscall));
    *out = js_new_promise(a->vm);
    js_reject_promise(a->vm, *out, err);
    return true;
}

static js_status fh_close(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    handle_data *h = js_host_data(a->this_value, &handle_class);
    if (!h || (h->closed && e->profile->process.filehandle_closed_check)) {
        *out = js_promise_resolve(a->vm, js_undefined());
        return JS_OK;
    }
    h->closed = true;
    js_value arg = js_number(h->fd);
    return promise_call(e, "fs.close", "FileHandle.close", &arg, 1, SETTLE_VALUE, out);
}

static js_status fh_stat(const js_args *a, js_value *out)
{
    if (closed_rejects(a, "fstat", out))
        return JS_OK;
    js_value arg = js_number(handle_fd(a));
    return promise_call(engine_of(a), "fs.fstat", "FileHandle.stat", &arg, 1, SETTLE_VALUE, out);
}

/* filehandle.readFile([options]): fstat, then reads from where the descriptor is, as
 * fs.promises.readFile's (readFileHandle), and no close */
static js_status fh_read_file(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_vm *vm = a->vm;
    if (closed_rejects(a, "readFile", out))
        return JS_OK;
    js_value promise = js_new_promise(vm);
    *out = promise;
    js_status st;
    bool string = encoding_given(e, js_arg(a, 0), &st);
    if (st == JS_THROW) {
        js_reject_promise(vm, promise, js_take_exception(vm));
        return JS_OK;
    }
    if (st != JS_OK)
        return st;
    js_value cb = settler(e, promise, SETTLE_VALUE);
    engine_spend(e, e->costs.api_call);
    e->fs.promise_api = "FileHandle.readFile";
    fs_req *r = new_req(e, OP_READ_FILE, "FileHandle.readFile", "fstat", cb);
    e->fs.promise_api = NULL;
    r->handle = true;
    r->fd = handle_fd(a);
    r->string = string;
    js_value ignored;
    return submit(e, r, &ignored);
}

/* Node 10.0-10.16 and 11.0-11.13: the first read of fs.promises warns, through a tick
 * (lib/fs.js @v10.7.0: the getter's process.emitWarning('The fs.promises API is
 * experimental', 'ExperimentalWarning')) */
static js_status fs_promises_get(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    if (!e->profile->process.fs_promises_stable && !e->fs.promises_warned) {
        e->fs.promises_warned = true;
        host_emit_warning(e, "ExperimentalWarning", "The fs.promises API is experimental");
    }
    *out = fs_promises_module(e);
    return JS_OK;
}

js_value fs_promises_module(ls_engine *e)
{
    if (e->fs.promises.type == JS_TOBJECT)
        return e->fs.promises;
    js_vm *vm = e->host.vm;
    js_value p = js_new_object(vm);
    e->fs.promises = p;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        const fs_call *c = &calls[i];
        if (!c->promise)
            continue;
        js_value f = js_new_native(vm, c->api + 3, c->length - 1, fsp_call, e->host.link, 1);
        *js_native_slot(f.u.object, 0) = js_number((double)i);
        js_define_value(vm, p.u.object, c->api + 3, f, true);
    }
    static const char *const refused[] = {
        "rm", "copyFile", "realpath", "opendir", "watch", "cp", "chmod", "chown", "lchown",
        "utimes", "lutimes", "link", "symlink", "readlink", "truncate", "mkdtemp",
    };
    host_refuse_names(e, p.u.object, "fs.promises.", refused, sizeof refused / sizeof refused[0],
                      false);
    /* fs.promises.constants (Node 18.4+): refused when read, rather than undefined */
    js_define_getter(vm, p.u.object, "constants", fsp_constants_refused, e->host.link, false);
    js_value proto = js_new_object(vm);
    js_define_getter(vm, proto.u.object, "fd", fh_fd, e->host.link, false);
    js_define_method(vm, proto.u.object, "close", 0, fh_close, e->host.link);
    js_define_method(vm, proto.u.object, "stat", 0, fh_stat, e->host.link);
    js_define_method(vm, proto.u.object, "readFile", 1, fh_read_file, e->host.link);
    static const char *const fh_refused_names[] = {
        "read", "write", "writeFile", "appendFile", "truncate", "sync", "datasync", "chmod",
        "chown", "utimes", "readv", "writev", "readLines", "createReadStream",
        "createWriteStream", "readableWebStream",
    };
    host_refuse_names(e, proto.u.object, "FileHandle.", fh_refused_names,
                      sizeof fh_refused_names / sizeof fh_refused_names[0], true);
    e->fs.handle_proto = proto;
    return p;
}

js_value fs_module(ls_engine *e)
{
    if (e->fs.module.type == JS_TOBJECT)
        return e->fs.module;
    fs_ready(e);
    js_vm *vm = e->host.vm;
    js_value fs = js_new_object(vm);
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        js_value f = js_new_native(vm, calls[i].api + 3, calls[i].length, calls[i].fn,
                                   e->host.link, 1);
        *js_native_slot(f.u.object, 0) = js_number((double)i);
        js_define_value(vm, fs.u.object, calls[i].api + 3, f, true);
    }
    static const char *const refused[] = {
        "rm", "rmSync", "copyFile", "copyFileSync", "readlink", "realpath",
        "realpathSync", "watch", "watchFile", "unwatchFile", "fsync", "fdatasync", "truncate", "ftruncate", "chmod", "chown",
        "utimes", "symlink", "link", "mkdtemp", "opendir", "cp", "readv", "writev",
    };
    host_refuse_names(e, fs.u.object, "fs.", refused, sizeof refused / sizeof refused[0], false);
    js_define_method(vm, fs.u.object, "createReadStream", 2, fs_create_read_stream, e->host.link);
    js_define_method(vm, fs.u.object, "createWriteStream", 2, fs_create_write_stream, e->host.link);
    js_define_getter(vm, fs.u.object, "ReadStream", fs_read_stream_class, e->host.link, true);
    js_define_getter(vm, fs.u.object, "WriteStream", fs_write_stream_class, e->host.link, true);
    /* fs.promises: a getter, as lib/fs.js defines it (non-enumerable where it warns) */
    js_define_getter(vm, fs.u.object, "promises", fs_promises_get, e->host.link,
                     e->profile->process.fs_promises_stable);
    /* fs.constants: the access modes and open flags (Linux values) */
    js_value c = js_new_object(vm);
    static const struct {
        const char *name;
        int value;
    } constants[] = {{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1}, {"O_RDONLY", 0},
                     {"O_WRONLY", 1}, {"O_RDWR", 2}, {"O_CREAT", 64}, {"O_EXCL", 128},
                     {"O_TRUNC", 512}, {"O_APPEND", 1024}};
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        js_define_value(vm, c.u.object, constants[i].name, js_number(constants[i].value), true);
    js_define_value(vm, fs.u.object, "constants", c, true);
    e->fs.module = fs;
    return fs;
}

/* ---- the collector and the fingerprint ------------------------------------------------------- */

void fs_mark(ls_engine *e, js_vm *vm)
{
    js_gc_mark_value(vm, e->fs.module);
    js_gc_mark_value(vm, e->fs.promises);
    js_gc_mark_value(vm, e->fs.handle_proto);
}

void fs_fingerprint(ls_engine *e, ls_fp *fp)
{
    if (!e->fs.ready)
        return;
    for (const ls_vnode *v = e->fs.nodes; v; v = v->next) {
        fp_u64(fp, v->gone ? 2 : v->dir);
        fp_bytes(fp, v->path, strlen(v->path));
        if (!v->dir)
            fp_bytes(fp, v->data ? v->data : "", v->len);
    }
    for (int i = 0; i < LS_MAX_FDS; i++) {
        const ls_open_file *f = &e->fs.fds[i];
        if (!f->node)
            continue;
        fp_u64(fp, (uint64_t)i);
        fp_bytes(fp, f->node->path, strlen(f->node->path));
        fp_u64(fp, f->pos * 8 + f->read * 4 + f->write * 2 + f->append);
    }
    fp_u64(fp, e->fs.stdout_fd * 2 + e->fs.promises_warned);
}
