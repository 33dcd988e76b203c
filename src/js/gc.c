/* gc.c - the heap: allocation, a mark-and-sweep collector, and the fingerprint walk.
 *
 * Every string, symbol, BigInt, object, environment and frame is one malloc'd block on the VM's list of
 * allocations (vm->objects), with a js_gc header.  A collection marks everything reachable from
 * the roots and frees the rest, as Lua's lgc.c does without its incremental steps:
 *
 *   roots   the global object, the intrinsics (builtin constructors and prototypes), the
 *           common atoms and well-known symbols, the atoms of the programs run here, the
 *           frames on the interpreter's stack (vm->top and down), the pending exception, the
 *           microtask queue, the values builtins keep (js_root_value), and the embedder's
 *           roots (js_host.mark: timers, immediates, ticks, listeners);
 *   mark    iterative, with an explicit gray stack: a long promise chain or a deep
 *           environment chain costs no C stack;
 *   sweep   frees the unmarked blocks and their side tables (property maps, array elements),
 *           after the intern table has dropped the atoms nobody refers to (atoms are weak).
 *
 * A collection runs only at a safe point (jsi.h): gc_maybe checks vm->native_depth, so a
 * native function may keep values in C variables while it runs.  The trigger is the bytes
 * allocated since the last collection: twice what survived it, at least 4 MB.
 *
 * The fingerprint walk (js_fingerprint_value) visits what marking visits, but hashes instead:
 * see js.h.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fp.h"

enum { GC_MIN_TRIGGER = 4 << 20 };

static void oom(void)
{
    ls_out_of_memory(0);
}

static size_t block_size(const js_gc *g);

/* Small blocks are recycled through free lists, one per 16-byte size class: a run makes and
 * drops the same few kinds of blocks (frames, closures, environments) over and over, and
 * js_reset drops them all at once; malloc's own caches hold only a few of each size. */
#define GC_CLASS(size) (((size) + 15) / 16)

/* memset through a pointer: inlined, GCC makes it `rep stos`, whose start-up cost is most of
 * clearing a block of a hundred bytes (it was a third of a small run's allocations) */
static void *(*volatile const clear)(void *, int, size_t) = memset;

void *gc_alloc(js_vm *vm, size_t size, js_gc_kind kind)
{
    js_gc *g;
    size_t c = GC_CLASS(size);
    if (c < GC_FREE_CLASSES && vm->free_blocks[c]) {
        g = vm->free_blocks[c];
        vm->free_blocks[c] = g->next;
        clear(g, 0, c * 16);
    } else {
        g = calloc(1, c < GC_FREE_CLASSES ? c * 16 : size);
        if (!g)
            ls_out_of_memory(size);
    }
    g->kind = (uint8_t)kind;
    g->next = vm->objects;
    vm->objects = g;
    if (vm->building) {
        g->builtin = 1;
        g->id = ++vm->next_builtin_id;
    }
    vm->bytes += size;
    if (vm->bytes > vm->peak)
        vm->peak = vm->bytes;
    return g;
}

js_object *obj_new(js_vm *vm, js_class cls, js_object *proto)
{
    js_object *o = gc_alloc(vm, sizeof *o, GC_OBJECT);
    o->cls = (uint8_t)cls;
    o->proto = proto;
    o->extensible = true;
    return o;
}

js_env *env_new(js_vm *vm, js_env *parent, uint32_t count)
{
    js_env *e = gc_alloc(vm, sizeof *e + count * sizeof(js_value), GC_ENV);
    e->parent = parent;
    e->count = count;
    for (uint32_t i = 0; i < count; i++)
        e->slots[i].type = JS_THOLE;
    return e;
}

js_frame *frame_new(js_vm *vm, const js_proto *proto)
{
    uint32_t n = proto->nregs + proto->maxstack;
    js_frame *f = gc_alloc(vm, sizeof *f + n * sizeof(js_value), GC_FRAME);
    f->proto = proto;
    f->nslots = n;
    for (uint32_t i = 0; i < proto->nregs; i++)
        f->slots[i].type = JS_THOLE;
    return f;
}

void js_root_value(js_vm *vm, js_value v)
{
    if (vm->nroots == vm->roots_cap) {
        vm->roots_cap = vm->roots_cap ? 2 * vm->roots_cap : 64;
        vm->roots = realloc(vm->roots, vm->roots_cap * sizeof *vm->roots);
        if (!vm->roots)
            oom();
    }
    vm->roots[vm->nroots++] = v;
}

void gc_note_write(js_vm *vm, js_object *o)
{
    o->touched = true;
    if (!o->gc.builtin || o->gc.dirty || vm->building)
        return;
    o->gc.dirty = 1;
    if (vm->snapshot)
        snapshot_save_object(vm, o);
    if (vm->ndirty == vm->dirty_cap) {
        vm->dirty_cap = vm->dirty_cap ? 2 * vm->dirty_cap : 16;
        vm->dirty = realloc(vm->dirty, vm->dirty_cap * sizeof *vm->dirty);
        if (!vm->dirty)
            oom();
    }
    vm->dirty[vm->ndirty++] = o;
}

void js_set_building(js_vm *vm, bool on)
{
    vm->building = on;
}

/* ---- marking ---------------------------------------------------------------------------- */

typedef struct {
    js_gc **items;
    size_t n, cap;
} gray_stack;

static gray_stack gray;   /* reused between collections (one VM collects at a time) */

static void gray_push(js_gc *g)
{
    if (gray.n == gray.cap) {
        gray.cap = gray.cap ? 2 * gray.cap : 1024;
        gray.items = realloc(gray.items, gray.cap * sizeof *gray.items);
        if (!gray.items)
            oom();
    }
    gray.items[gray.n++] = g;
}

void gc_mark(js_vm *vm, js_gc *g)
{
    (void)vm;
    if (!g || g->marked)
        return;
    g->marked = 1;
    if (g->kind != GC_STRING && g->kind != GC_BIGINT) /* they refer to nothing */
        gray_push(g);
}

void gc_mark_value(js_vm *vm, js_value v)
{
    switch (v.type) {
    case JS_TSTRING:
        gc_mark(vm, &v.u.string->gc);
        break;
    case JS_TSYMBOL:
        gc_mark(vm, &v.u.symbol->gc);
        break;
    case JS_TOBJECT:
        gc_mark(vm, &v.u.object->gc);
        break;
    case JS_TBIGINT:
        gc_mark(vm, &v.u.bigint->gc);
        break;
    default:
        break;
    }
}

void js_gc_mark_value(js_vm *vm, js_value v)
{
    gc_mark_value(vm, v);
}

void js_gc_mark_object(js_vm *vm, js_object *o)
{
    if (o)
        gc_mark(vm, &o->gc);
}

#define MARK_OBJ(o) gc_mark(vm, (o) ? &(o)->gc : NULL)

static void mark_handler(js_vm *vm, const js_handler *h)
{
    gc_mark_value(vm, h->value);
    MARK_OBJ(h->frame);
}

void promise_mark(js_vm *vm, js_object *p)
{
    js_promise *pr = &p->u.promise;
    gc_mark_value(vm, pr->result);
    for (js_reaction *r = pr->head; r; r = r->next) {
        MARK_OBJ(r->capability);
        mark_handler(vm, &r->on_fulfilled);
        mark_handler(vm, &r->on_rejected);
    }
}

static void mark_frame(js_vm *vm, js_frame *f)
{
    MARK_OBJ(f->callee);
    gc_mark_value(vm, f->this_value);
    gc_mark_value(vm, f->new_target);
    MARK_OBJ(f->env);
    MARK_OBJ(f->arguments);
    for (uint32_t i = 0; i < f->argc; i++)
        gc_mark_value(vm, f->argv[i]);
    uint32_t live = f->proto->nregs + f->sp;
    for (uint32_t i = 0; i < live && i < f->nslots; i++)
        gc_mark_value(vm, f->slots[i]);
    MARK_OBJ(f->promise);
    MARK_OBJ(f->generator);
    MARK_OBJ(f->caller);
}

static void mark_object(js_vm *vm, js_object *o)
{
    MARK_OBJ(o->proto);
    for (uint32_t i = 0; i < o->props.count; i++) {
        js_prop *p = &o->props.props[i];
        if (p->flags & PROP_DELETED)
            continue;
        gc_mark(vm, p->key);
        if (p->flags & PROP_ACCESSOR) {
            MARK_OBJ(p->getter);
            MARK_OBJ(p->setter);
        } else {
            gc_mark_value(vm, p->value);
        }
    }
    switch ((js_class)o->cls) {
    case CLASS_ARRAY:
    case CLASS_ARGUMENTS:
        for (uint32_t i = 0; i < o->u.array.length; i++)
            gc_mark_value(vm, o->u.array.items[i]);
        break;
    case CLASS_FUNCTION:
        MARK_OBJ(o->u.fn.env);
        gc_mark_value(vm, o->u.fn.this_value);
        MARK_OBJ(o->u.fn.home);
        gc_mark_value(vm, o->u.fn.fields);
        break;
    case CLASS_NATIVE:
        for (int i = 0; i < o->u.native.nslots; i++)
            gc_mark_value(vm, o->u.native.slots[i]);
        break;
    case CLASS_BOUND:
        gc_mark_value(vm, o->u.bound.target);
        gc_mark_value(vm, o->u.bound.this_value);
        for (int i = 0; i < o->u.bound.argc; i++)
            gc_mark_value(vm, o->u.bound.args[i]);
        break;
    case CLASS_PROMISE:
        promise_mark(vm, o);
        break;
    case CLASS_MAP:
    case CLASS_SET:
    case CLASS_WEAKMAP:
    case CLASS_WEAKSET:
        for (uint32_t i = 0; i < o->u.map.count; i++) {
            gc_mark_value(vm, o->u.map.keys[i]);
            if (o->u.map.values)
                gc_mark_value(vm, o->u.map.values[i]);
        }
        break;
    case CLASS_BOOLEAN:
    case CLASS_NUMBER:
    case CLASS_STRING:
    case CLASS_SYMBOL:
    case CLASS_DATE:
    case CLASS_BIGINT:
        gc_mark_value(vm, o->u.primitive);
        break;
    case CLASS_GENERATOR:
        MARK_OBJ(o->u.gen.frame);
        gc_mark_value(vm, o->u.gen.queue);
        break;
    case CLASS_ITERATOR:
        gc_mark_value(vm, o->u.iter.target);
        gc_mark_value(vm, o->u.iter.extra);
        break;
    case CLASS_HOST:
        if (o->u.host.cls && o->u.host.cls->mark)
            o->u.host.cls->mark(vm, o->u.host.data);
        break;
    case CLASS_REGEXP:
        MARK_OBJ(o->u.regexp.source);
        MARK_OBJ(o->u.regexp.flags);
        break;
    case CLASS_OBJECT:
    case CLASS_ERROR:
        break;
    }
}

static void propagate(js_vm *vm)
{
    while (gray.n) {
        js_gc *g = gray.items[--gray.n];
        switch ((js_gc_kind)g->kind) {
        case GC_SYMBOL:
            MARK_OBJ(((js_symbol *)g)->description);
            break;
        case GC_OBJECT:
            mark_object(vm, (js_object *)g);
            break;
        case GC_ENV: {
            js_env *e = (js_env *)g;
            MARK_OBJ(e->parent);
            for (uint32_t i = 0; i < e->count; i++)
                gc_mark_value(vm, e->slots[i]);
            break;
        }
        case GC_FRAME:
            mark_frame(vm, (js_frame *)g);
            break;
        case GC_STRING:
        case GC_BIGINT:
            break;
        }
    }
}

static void mark_roots(js_vm *vm)
{
    MARK_OBJ(vm->global);
    js_object **in = (js_object **)&vm->in;
    size_t nin = offsetof(js_intrinsics, array_values) / sizeof(js_object *);
    for (size_t i = 0; i < nin; i++)
        MARK_OBJ(in[i]);
    gc_mark_value(vm, vm->in.array_values);
    gc_mark_value(vm, vm->in.promise_then);
    js_symbol **syms = (js_symbol **)&vm->sym;
    for (size_t i = 0; i < sizeof vm->sym / sizeof(js_symbol *); i++)
        MARK_OBJ(syms[i]);
    for (size_t i = 0; i < ATOM__COUNT; i++)
        MARK_OBJ(vm->common[i]);
    for (uint32_t p = 0; p < vm->nprograms; p++)
        for (uint32_t i = 0; i < vm->programs[p].natoms; i++)
            MARK_OBJ(vm->programs[p].atoms[i]);
    for (js_frame *f = vm->top; f; f = f->caller)
        MARK_OBJ(f);
    /* the builtins written to (never freed, but what they hold now must live: the fingerprint
     * walks them) */
    for (uint32_t i = 0; i < vm->ndirty; i++)
        MARK_OBJ(vm->dirty[i]);
    if (vm->snapshot)
        for (uint32_t i = 0; i < vm->snapshot->nenvs; i++)
            MARK_OBJ(vm->snapshot->envs[i].env);
    if (vm->has_exception)
        gc_mark_value(vm, vm->exception);
    jobs_mark(vm);
    for (size_t i = 0; i < vm->nroots; i++)
        gc_mark_value(vm, vm->roots[i]);
    if (vm->host.mark)
        vm->host.mark(vm->host.ctx, vm);
}

/* ---- sweeping ---------------------------------------------------------------------------- */

static size_t block_size(const js_gc *g)
{
    switch ((js_gc_kind)g->kind) {
    case GC_STRING:
        return sizeof(js_string) + ((const js_string *)g)->len + 1;
    case GC_SYMBOL:
        return sizeof(js_symbol);
    case GC_OBJECT:
        return sizeof(js_object);
    case GC_ENV:
        return sizeof(js_env) + ((const js_env *)g)->count * sizeof(js_value);
    case GC_FRAME:
        return sizeof(js_frame) + ((const js_frame *)g)->nslots * sizeof(js_value);
    case GC_BIGINT:
        return sizeof(js_bigint) + ((const js_bigint *)g)->len * sizeof(uint32_t);
    }
    return 0;
}

void gc_free_side_tables(js_vm *vm, js_object *o)
{
    props_free(vm, o->props.props, o->props.cap);
    free(o->props.index);
    switch ((js_class)o->cls) {
    case CLASS_ARRAY:
    case CLASS_ARGUMENTS:
        free(o->u.array.items);
        break;
    case CLASS_NATIVE:
        free(o->u.native.slots);
        break;
    case CLASS_BOUND:
        free(o->u.bound.args);
        break;
    case CLASS_MAP:
    case CLASS_SET:
    case CLASS_WEAKMAP:
    case CLASS_WEAKSET:
        free(o->u.map.keys);
        free(o->u.map.values);
        free(o->u.map.index);
        break;
    default:
        break;
    }
}

void gc_free_block(js_vm *vm, js_gc *g)
{
    vm->bytes -= block_size(g);
    if (g->kind == GC_OBJECT) {
        js_object *o = (js_object *)g;
        gc_free_side_tables(vm, o);
        if (o->cls == CLASS_PROMISE) {
            js_reaction *r = o->u.promise.head;
            while (r) {
                js_reaction *next = r->next;
                free(r);
                r = next;
            }
        }
    } else if (g->kind == GC_FRAME) {
        free(((js_frame *)g)->argv);
    }
    size_t c = GC_CLASS(block_size(g));
    if (c < GC_FREE_CLASSES) {
        g->next = vm->free_blocks[c];
        vm->free_blocks[c] = g;
        return;
    }
    free(g);
}

void gc_collect(js_vm *vm)
{
    mark_roots(vm);
    propagate(vm);
    atoms_sweep(vm);
    js_gc **link = &vm->objects;
    while (*link) {
        js_gc *g = *link;
        if (g->marked || (g->builtin && vm->snapshot)) {
            /* after a snapshot the builtins stay, reachable or not (snapshot.c) */
            g->marked = 0;
            link = &g->next;
        } else {
            *link = g->next;
            if (g->kind == GC_OBJECT) {
                const js_object *o = (const js_object *)g;
                if (o->cls == CLASS_HOST && o->u.host.cls && o->u.host.cls->finalize)
                    o->u.host.cls->finalize(vm->host.ctx, o->u.host.data);
            }
            gc_free_block(vm, g);
        }
    }
    vm->next_gc = vm->bytes * 2 > GC_MIN_TRIGGER ? vm->bytes * 2 : GC_MIN_TRIGGER;
}

void gc_maybe(js_vm *vm)
{
    if (vm->bytes >= vm->next_gc && vm->native_depth == 0 && !vm->building)
        gc_collect(vm);
}

void js_gc_step(js_vm *vm)
{
    if (vm->bytes >= vm->next_gc && !vm->building)
        gc_collect(vm);
}

size_t js_heap_bytes(const js_vm *vm)
{
    return vm->bytes;
}

void gc_free_all(js_vm *vm)
{
    js_gc *g = vm->objects;
    while (g) {
        js_gc *next = g->next;
        gc_free_block(vm, g);
        g = next;
    }
    vm->objects = NULL;
    for (size_t c = 0; c < GC_FREE_CLASSES; c++)
        for (js_gc *b = vm->free_blocks[c], *next; b; b = next) {
            next = b->next;
            free(b);
        }
    while (vm->free_props) {
        void *b = vm->free_props;
        memcpy(&vm->free_props, b, sizeof vm->free_props);
        free(b);
    }
    free(vm->dirty);
    free(gray.items);
    gray.items = NULL;
    gray.n = gray.cap = 0;
}

/* ---- fingerprints ------------------------------------------------------------------------ */

static void fp_value_in(js_vm *vm, ls_fp *fp, js_value v);

/* a C function's address (the same in every run of the process) */
#define FP_FUNCTION(fp, f)                                   \
    do {                                                     \
        uint64_t bits_ = 0;                                  \
        memcpy(&bits_, &(f), sizeof(f) < 8 ? sizeof(f) : 8); \
        fp_u64((fp), bits_);                                 \
    } while (0)

static void fp_string(ls_fp *fp, const js_string *s)
{
    fp_bytes(fp, s->chars, s->len);
}

static void fp_key(ls_fp *fp, js_key k)
{
    if (k->kind == GC_STRING) {
        fp_u64(fp, 1);
        fp_string(fp, (const js_string *)k);
    } else if (fp_object(fp, k)) { /* a symbol: by identity, with its description */
        const js_symbol *s = (const js_symbol *)k;
        fp_u64(fp, s->gc.builtin ? s->gc.id : 0);
        if (s->description)
            fp_string(fp, s->description);
    }
}

static void fp_env(js_vm *vm, ls_fp *fp, const js_env *e)
{
    while (e && fp_object(fp, e)) {
        fp_u64(fp, e->count);
        for (uint32_t i = 0; i < e->count; i++)
            fp_value_in(vm, fp, e->slots[i]);
        e = e->parent;
    }
}

static void fp_handler(js_vm *vm, ls_fp *fp, const js_handler *h);

static void fp_frame(js_vm *vm, ls_fp *fp, const js_frame *f)
{
    if (!f || !fp_object(fp, f))
        return;
    fp_code(fp, f->proto);
    fp_u64(fp, f->pc);
    fp_u64(fp, f->sp);
    fp_u64(fp, f->kind);
    fp_bool(fp, f->construct);
    fp_value_in(vm, fp, f->callee ? js_obj(f->callee) : js_undefined());
    fp_value_in(vm, fp, f->this_value);
    fp_value_in(vm, fp, f->new_target);
    fp_env(vm, fp, f->env);
    fp_value_in(vm, fp, f->arguments ? js_obj(f->arguments) : js_undefined());
    fp_u64(fp, f->argc);
    for (uint32_t i = 0; i < f->argc; i++)
        fp_value_in(vm, fp, f->argv[i]);
    uint32_t live = f->proto->nregs + f->sp;
    for (uint32_t i = 0; i < live; i++)
        fp_value_in(vm, fp, f->slots[i]);
    fp_value_in(vm, fp, f->promise ? js_obj(f->promise) : js_undefined());
    fp_value_in(vm, fp, f->generator ? js_obj(f->generator) : js_undefined());
    if (f->caller) /* only suspended frames are hashed: they have no caller */
        fp_refuse(fp);
}

static void fp_handler(js_vm *vm, ls_fp *fp, const js_handler *h)
{
    fp_u64(fp, h->kind);
    fp_value_in(vm, fp, h->value);
    fp_frame(vm, fp, h->frame);
    if (h->native)
        FP_FUNCTION(fp, h->native);
    if (h->data)
        fp_refuse(fp); /* a native handler's data is not followed */
}

static void fp_origin_in(ls_fp *fp, const js_origin *o)
{
    fp_str(fp, o->api);
    fp_str(fp, o->label);
}

static void fp_props(js_vm *vm, ls_fp *fp, const js_object *o)
{
    fn_props_settle(vm, (js_object *)o); /* hashed as if closure_new had put them in */
    fp_u64(fp, o->props.live);
    for (uint32_t i = 0; i < o->props.count; i++) {
        const js_prop *p = &o->props.props[i];
        if (p->flags & PROP_DELETED)
            continue;
        fp_key(fp, p->key);
        fp_u64(fp, p->flags);
        if (p->flags & PROP_ACCESSOR) {
            fp_value_in(vm, fp, p->getter ? js_obj(p->getter) : js_undefined());
            fp_value_in(vm, fp, p->setter ? js_obj(p->setter) : js_undefined());
        } else {
            fp_value_in(vm, fp, p->value);
        }
    }
}

/* A function whose properties (length, name, prototype) and prototype object (constructor) are
 * as closure_new made them: they follow from its code, hashed below, so they are not walked. */
static bool pristine_function(js_vm *vm, const js_object *o)
{
    if (o->cls != CLASS_FUNCTION || o->touched)
        return false;
    const js_prop *p = prop_find(vm, (js_object *)o, &A(vm, prototype)->gc);
    return !p || (p->value.type == JS_TOBJECT && !p->value.u.object->touched);
}

static void fp_object_in(js_vm *vm, ls_fp *fp, const js_object *o)
{
    if (!fp_object(fp, o))
        return;
    /* a builtin the program has not changed: its identity (a changed one is hashed in full,
     * here and by js_fingerprint_vm, which lists every changed builtin) */
    if (o->gc.builtin && !o->gc.dirty) {
        fp_u64(fp, o->gc.id);
        return;
    }
    fp_u64(fp, o->cls);
    fp_bool(fp, o->extensible);
    fp_bool(fp, o->frozen_hint); /* an array's elements have no flags of their own */
    fp_bool(fp, o->sealed_hint);
    fp_value_in(vm, fp, o->proto ? js_obj(o->proto) : js_null());
    if (!pristine_function(vm, o))
        fp_props(vm, fp, o);
    switch ((js_class)o->cls) {
    case CLASS_ARRAY:
    case CLASS_ARGUMENTS:
        fp_u64(fp, o->u.array.length);
        for (uint32_t i = 0; i < o->u.array.length; i++)
            fp_value_in(vm, fp, o->u.array.items[i]);
        break;
    case CLASS_FUNCTION:
        fp_code(fp, o->u.fn.proto);
        fp_env(vm, fp, o->u.fn.env);
        fp_value_in(vm, fp, o->u.fn.this_value);
        fp_value_in(vm, fp, o->u.fn.home ? js_obj(o->u.fn.home) : js_undefined());
        fp_value_in(vm, fp, o->u.fn.fields);
        break;
    case CLASS_NATIVE:
        FP_FUNCTION(fp, o->u.native.call);
        fp_code(fp, o->u.native.data);
        for (int i = 0; i < o->u.native.nslots; i++)
            fp_value_in(vm, fp, o->u.native.slots[i]);
        break;
    case CLASS_BOUND:
        fp_value_in(vm, fp, o->u.bound.target);
        fp_value_in(vm, fp, o->u.bound.this_value);
        for (int i = 0; i < o->u.bound.argc; i++)
            fp_value_in(vm, fp, o->u.bound.args[i]);
        break;
    case CLASS_PROMISE: {
        const js_promise *p = &o->u.promise;
        fp_u64(fp, p->state);
        fp_value_in(vm, fp, p->result);
        fp_bool(fp, p->is_handled);
        for (const js_reaction *r = p->head; r; r = r->next) {
            fp_value_in(vm, fp, r->capability ? js_obj(r->capability) : js_undefined());
            fp_handler(vm, fp, &r->on_fulfilled);
            fp_handler(vm, fp, &r->on_rejected);
            fp_origin_in(fp, &r->origin);
        }
        fp_u64(fp, UINT64_C(0x7e5c));
        break;
    }
    case CLASS_MAP:
    case CLASS_SET:
    case CLASS_WEAKMAP:
    case CLASS_WEAKSET:
        fp_u64(fp, o->u.map.live);
        for (uint32_t i = 0; i < o->u.map.count; i++) {
            if (o->u.map.keys[i].type == JS_THOLE)
                continue;
            fp_value_in(vm, fp, o->u.map.keys[i]);
            if (o->u.map.values)
                fp_value_in(vm, fp, o->u.map.values[i]);
        }
        break;
    case CLASS_BOOLEAN:
    case CLASS_NUMBER:
    case CLASS_STRING:
    case CLASS_SYMBOL:
    case CLASS_DATE:
    case CLASS_BIGINT:
        fp_value_in(vm, fp, o->u.primitive);
        break;
    case CLASS_GENERATOR:
        fp_u64(fp, o->u.gen.state);
        fp_frame(vm, fp, o->u.gen.frame);
        fp_value_in(vm, fp, o->u.gen.queue);
        break;
    case CLASS_ITERATOR:
        fp_u64(fp, (uint64_t)o->u.iter.kind);
        fp_u64(fp, o->u.iter.next);
        fp_value_in(vm, fp, o->u.iter.target);
        fp_value_in(vm, fp, o->u.iter.extra);
        break;
    case CLASS_HOST:
        fp_str(fp, o->u.host.cls ? o->u.host.cls->name : "");
        if (o->u.host.cls && o->u.host.cls->fingerprint)
            o->u.host.cls->fingerprint(vm, fp, o->u.host.data);
        else if (o->u.host.data)
            fp_refuse(fp);
        break;
    case CLASS_REGEXP:
        fp_string(fp, o->u.regexp.source);
        fp_string(fp, o->u.regexp.flags);
        break;
    case CLASS_OBJECT:
    case CLASS_ERROR:
        break;
    }
}

static void fp_value_in(js_vm *vm, ls_fp *fp, js_value v)
{
    fp_u64(fp, v.type);
    switch (v.type) {
    case JS_TUNDEFINED:
    case JS_TNULL:
    case JS_THOLE:
        break;
    case JS_TBOOLEAN:
        fp_bool(fp, v.u.boolean);
        break;
    case JS_TNUMBER: {
        /* -0 and 0 differ (Object.is), NaNs are one */
        uint64_t bits;
        double d = v.u.number;
        if (d != d)
            d = NAN;
        memcpy(&bits, &d, sizeof bits);
        fp_u64(fp, bits);
        break;
    }
    case JS_TSTRING:
        fp_string(fp, v.u.string);
        break;
    case JS_TSYMBOL:
        fp_key(fp, &v.u.symbol->gc);
        break;
    case JS_TOBJECT:
        fp_object_in(vm, fp, v.u.object);
        break;
    case JS_TBIGINT: /* by value: its sign and digits */
        fp_bool(fp, v.u.bigint->negative);
        fp_u64(fp, v.u.bigint->len);
        fp_bytes(fp, v.u.bigint->limbs, v.u.bigint->len * sizeof(uint32_t));
        break;
    }
}

void js_fingerprint_value(js_vm *vm, ls_fp *fp, js_value v)
{
    fp_value_in(vm, fp, v);
}

void js_fingerprint_vm(js_vm *vm, ls_fp *fp)
{
    /* the builtins the program changed, in the order it first changed them (a state reached
     * by writing them in another order hashes differently: merging is only missed then) */
    fp_u64(fp, vm->ndirty);
    for (uint32_t i = 0; i < vm->ndirty; i++) {
        fp_u64(fp, vm->dirty[i]->gc.id);
        fp_value_in(vm, fp, js_obj(vm->dirty[i]));
    }
    if (vm->job_head || vm->top || vm->has_exception)
        fp_refuse(fp); /* only between callbacks, with the queue empty */
}
