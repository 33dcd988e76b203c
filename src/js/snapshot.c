/* snapshot.c - a VM made once, reset between runs (js_snapshot, js_reset in js.h).
 *
 * `loopsim orders` runs one program thousands of times, each run in a fresh process state.
 * Making a VM (the builtins, then the embedder's globals and Node's own JavaScript) costs
 * several times what a small program's run does, so a VM is made once and brought back to
 * the state it had when js_snapshot was called, as a fork server forks from a warmed-up
 * parent: copy on write, of the builtins only.
 *
 *   the heap    every block made before the snapshot is a builtin (gc.h's `builtin` bit) and is
 *               never freed while the VM lives; every block made after it is freed by
 *               js_reset (they are all at the front of vm->objects: allocation pushes there).
 *   writes      the first write to a builtin object after the snapshot (gc_note_write, which
 *               the fingerprint's `dirty` list needs anyway) saves a copy of it, with its
 *               side tables (properties, elements, map entries, native slots); the first
 *               write to a builtin environment (a closure's variables: Node's own module-level
 *               state, PUT_ENV/SET_ENV) saves its slots.  js_reset puts the copies back.
 *   the rest    the intern table goes back to its state at the snapshot (the slots filled since
 *               are emptied); the programs run before it have all their names interned then
 *               (js_snapshot_program adds one later), so their atom slots do not change; the
 *               atom tables of programs and the roots made after the snapshot go; the microtask queue, the exception, the
 *               interpreter's stacks and counters return to their values at the snapshot.
 *
 * What cannot be saved (a builtin promise or generator written to: none of the embedder's
 * are) marks the snapshot broken: js_reset then returns false and the embedder makes a new VM.
 */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    ls_out_of_memory(0);
}

static void *dup_bytes(const void *p, size_t n)
{
    if (!p || n == 0)
        return NULL;
    void *q = malloc(n);
    if (!q)
        oom();
    memcpy(q, p, n);
    return q;
}

/* the side tables of an object, as free_block (gc.c) frees them */
static void copy_side_tables(js_object *copy, const js_object *o)
{
    copy->props.props = dup_bytes(o->props.props, o->props.cap * sizeof *o->props.props);
    copy->props.index = dup_bytes(o->props.index, o->props.index_cap * sizeof *o->props.index);
    switch ((js_class)o->cls) {
    case CLASS_ARRAY:
    case CLASS_ARGUMENTS:
        copy->u.array.items = dup_bytes(o->u.array.items, o->u.array.cap * sizeof(js_value));
        break;
    case CLASS_NATIVE:
        copy->u.native.slots = dup_bytes(o->u.native.slots,
                                         (size_t)o->u.native.nslots * sizeof(js_value));
        break;
    case CLASS_BOUND:
        copy->u.bound.args = dup_bytes(o->u.bound.args, (size_t)o->u.bound.argc * sizeof(js_value));
        break;
    case CLASS_MAP:
    case CLASS_SET:
    case CLASS_WEAKMAP:
    case CLASS_WEAKSET:
        copy->u.map.keys = dup_bytes(o->u.map.keys, o->u.map.cap * sizeof(js_value));
        copy->u.map.values = dup_bytes(o->u.map.values, o->u.map.cap * sizeof(js_value));
        copy->u.map.index = dup_bytes(o->u.map.index, o->u.map.index_cap * sizeof(uint32_t));
        break;
    default:
        break;
    }
}


void snapshot_save_object(js_vm *vm, js_object *o)
{
    js_snapshot_state *s = vm->snapshot;
    if (o->cls == CLASS_PROMISE || o->cls == CLASS_GENERATOR) {
        s->broken = true; /* their queues and frames are not copied */
        return;
    }
    if (s->nobjects == s->objects_cap) {
        s->objects_cap = s->objects_cap ? 2 * s->objects_cap : 32;
        s->objects = realloc(s->objects, s->objects_cap * sizeof *s->objects);
        if (!s->objects)
            oom();
    }
    js_saved_object *sv = &s->objects[s->nobjects++];
    sv->object = o;
    sv->copy = *o;
    copy_side_tables(&sv->copy, o);
}

void snapshot_save_env(js_vm *vm, js_env *e)
{
    js_snapshot_state *s = vm->snapshot;
    e->gc.dirty = 1;
    if (s->nenvs == s->envs_cap) {
        s->envs_cap = s->envs_cap ? 2 * s->envs_cap : 16;
        s->envs = realloc(s->envs, s->envs_cap * sizeof *s->envs);
        if (!s->envs)
            oom();
    }
    js_saved_env *sv = &s->envs[s->nenvs++];
    sv->env = e;
    sv->slots = dup_bytes(e->slots, e->count * sizeof(js_value));
}

enum { SNAPSHOT_PROGRAMS = 4 }; /* programs js_snapshot_program adds, at most */

static void intern_names(js_vm *vm, const js_proto *p)
{
    for (uint32_t i = 0; i <= p->nnames; i++) /* names[nnames]: the function's own */
        proto_atom(vm, p, i);
    for (uint32_t i = 0; i < p->nprotos; i++)
        intern_names(vm, p->protos[i]);
}

void js_snapshot(js_vm *vm)
{
    if (vm->snapshot)
        return;
    js_snapshot_state *s = calloc(1, sizeof *s);
    if (!s)
        oom();
    bool building = vm->building;
    /* every block so far is the state to come back to (js_set_building's objects are builtins
     * already; the embedder's other ones become builtins now) */
    for (js_gc *g = vm->objects; g; g = g->next)
        if (!g->builtin) {
            g->builtin = 1;
            g->id = ++vm->next_builtin_id;
        }
    /* the fingerprint's dirty list restarts from here */
    for (uint32_t i = 0; i < vm->ndirty; i++)
        vm->dirty[i]->gc.dirty = 0;
    vm->ndirty = 0;
    s->nprograms = s->nprograms_made = vm->nprograms;
    /* the programs run before the snapshot (Node's prelude) intern their names lazily
     * (proto_atom); interned now, they are builtins, and a run finds them made */
    vm->building = true;
    for (uint32_t i = 0; i < vm->nprograms; i++)
        intern_names(vm, vm->programs[i].program->main);
    vm->building = building;
    vm->nlate_slots = 0;
    s->nroots = vm->nroots;
    s->next_promise_id = vm->next_promise_id;
    s->bytes = vm->bytes;
    s->atoms = vm->atoms;
    s->atoms.slots = dup_bytes(vm->atoms.slots, vm->atoms.cap * sizeof *vm->atoms.slots);
    s->atoms.filled = NULL;
    s->atoms.nfilled = s->atoms.filled_cap = 0;
    vm->atoms.logging = true;
    vm->atoms.rebuilt = false;
    vm->atoms.nfilled = 0;
    vm->snapshot = s;
}

/* Frees every block made since the snapshot: those before the first builtin on the list. */
static void free_since(js_vm *vm)
{
    js_gc *g = vm->objects;
    while (g && !g->builtin) {
        js_gc *next = g->next;
        gc_free_block(vm, g);
        g = next;
    }
    vm->objects = g;
}

bool js_reset(js_vm *vm)
{
    js_snapshot_state *s = vm->snapshot;
    if (!s || s->broken || vm->top || vm->native_depth)
        return false;
    /* the builtins written to, back to their copies (last saved first is irrelevant: each
     * object is saved once, at its first write) */
    for (uint32_t i = 0; i < s->nobjects; i++) {
        js_saved_object *sv = &s->objects[i];
        js_object *o = sv->object;
        js_gc header = o->gc;
        gc_free_side_tables(vm, o);
        *o = sv->copy;
        o->gc = header;
        o->gc.dirty = 0;
    }
    s->nobjects = 0;
    for (uint32_t i = 0; i < s->nenvs; i++) {
        js_saved_env *sv = &s->envs[i];
        if (sv->slots)
            memcpy(sv->env->slots, sv->slots, sv->env->count * sizeof(js_value));
        free(sv->slots);
        sv->env->gc.dirty = 0;
    }
    s->nenvs = 0;
    for (uint32_t i = 0; i < vm->ndirty; i++)
        vm->dirty[i]->gc.dirty = 0;
    vm->ndirty = 0;
    /* the microtask queue and the interpreter's state */
    js_job *j = vm->job_head;
    while (j) {
        js_job *next = j->next;
        free(j->reaction); /* a PromiseReactionJob owns its reaction (promise.c) */
        free(j);
        j = next;
    }
    vm->job_head = vm->job_tail = NULL;
    vm->current_job = NULL;
    vm->njobs = 0;
    vm->running_microtasks = false;
    vm->has_exception = false;
    vm->exception = js_undefined();
    vm->stopping = false;
    vm->yield_raw = false;
    vm->suspend_kind = 0;
    vm->c_depth = 0;
    vm->js_depth = 0;
    vm->ops = 0;
    vm->throw_file = NULL;
    vm->next_promise_id = s->next_promise_id;
    /* what the programs run since made: their atom tables, and the atoms they interned into
     * the tables of the programs run before (none, unless a name was missed: intern_names) */
    for (uint32_t i = 0; i < vm->nlate_slots; i++)
        *vm->late_slots[i] = NULL;
    vm->nlate_slots = 0;
    for (uint32_t i = s->nprograms; i < vm->nprograms; i++)
        free(vm->programs[i].atoms);
    vm->nprograms = s->nprograms;
    vm->nroots = s->nroots;
    free_since(vm);
    /* the intern table as it was: the atoms made since are freed */
    if (!vm->atoms.rebuilt && vm->atoms.cap == s->atoms.cap) {
        /* only atoms were added, each into a slot empty at the snapshot */
        for (uint32_t i = 0; i < vm->atoms.nfilled; i++)
            vm->atoms.slots[vm->atoms.filled[i]] = NULL;
    } else {
        if (vm->atoms.cap != s->atoms.cap) {
            free(vm->atoms.slots);
            vm->atoms.slots = malloc(s->atoms.cap * sizeof *vm->atoms.slots);
            if (!vm->atoms.slots)
                oom();
        }
        memcpy(vm->atoms.slots, s->atoms.slots, s->atoms.cap * sizeof *vm->atoms.slots);
    }
    vm->atoms.nfilled = 0;
    vm->atoms.rebuilt = false;
    vm->atoms.cap = s->atoms.cap;
    vm->atoms.count = s->atoms.count;
    vm->peak = vm->bytes;
    vm->next_gc = vm->bytes * 2 > (4u << 20) ? vm->bytes * 2 : (4u << 20);
    return true;
}


bool js_snapshot_program(js_vm *vm, const js_program *program)
{
    js_snapshot_state *s = vm->snapshot;
    if (!s || s->broken || vm->top || vm->native_depth || !program || !program->main)
        return false;
    for (uint32_t i = 0; i < vm->nprograms; i++)
        if (vm->programs[i].program == program && vm->programs[i].id == program->id)
            return i < s->nprograms;
    /* at the snapshot's state: no block made since, no program run since; and a few programs
     * at most (a process that runs many, as a fuzzer does, keeps its VM from growing: the
     * others intern their names in each run, as before) */
    if ((vm->objects && !vm->objects->builtin) || vm->nprograms != s->nprograms ||
        s->nobjects || s->nenvs || s->nprograms >= s->nprograms_made + SNAPSHOT_PROGRAMS)
        return false;
    bool building = vm->building;
    vm->building = true; /* the atoms made now are builtins: js_reset keeps them */
    intern_names(vm, program->main);
    vm->building = building;
    vm->nlate_slots = 0; /* the program's atoms are the snapshot's now */
    s->nprograms = vm->nprograms;
    /* the intern table: the slots just filled, or all of it if it was rebuilt */
    if (vm->atoms.rebuilt || vm->atoms.cap != s->atoms.cap) {
        free(s->atoms.slots);
        s->atoms.slots = dup_bytes(vm->atoms.slots, vm->atoms.cap * sizeof *vm->atoms.slots);
        s->atoms.cap = vm->atoms.cap;
    } else {
        for (uint32_t i = 0; i < vm->atoms.nfilled; i++)
            s->atoms.slots[vm->atoms.filled[i]] = vm->atoms.slots[vm->atoms.filled[i]];
    }
    s->atoms.count = vm->atoms.count;
    vm->atoms.nfilled = 0;
    vm->atoms.rebuilt = false;
    s->bytes = vm->bytes;
    return true;
}

void snapshot_free(js_vm *vm)
{
    js_snapshot_state *s = vm->snapshot;
    if (!s)
        return;
    for (uint32_t i = 0; i < s->nobjects; i++)
        gc_free_side_tables(vm, &s->objects[i].copy);
    for (uint32_t i = 0; i < s->nenvs; i++)
        free(s->envs[i].slots);
    free(s->objects);
    free(s->envs);
    free(s->atoms.slots);
    free(s);
    vm->snapshot = NULL;
}
