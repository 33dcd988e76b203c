function fmt(v) {
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (i in v ? fmt(v[i]) : '_');
    return s + ']';
  }
  if (typeof v === 'string') return '"' + v + '"';
  if (typeof v === 'number' && Object.is(v, -0)) return '-0';
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return 'function ' + v.name;
  if (typeof v === 'object' && v !== null) return '{' + Object.keys(v).map(k => k + ':' + fmt(v[k])).join(',') + '}';
  return String(v);
}
function show(label, v) { console.log(label + ' = ' + fmt(v)); }
function attempt(label, fn) {
  try { show(label, fn()); } catch (e) { console.log(label + ' throws ' + e.name + ': ' + e.message); }
}

// Reflect.get/set: [[Get]]/[[Set]] with an explicit receiver; set reports success
const base = {
  x: 1,
  get who() { return this.name; },
  set who(v) { this.setBy = v; },
};
const child = Object.create(base);
child.name = 'child';
show('get data', Reflect.get(base, 'x'));
show('get inherited', Reflect.get(child, 'x'));
show('get missing', Reflect.get(base, 'nope'));
show('getter with default receiver', Reflect.get(child, 'who'));
show('getter with receiver', Reflect.get(base, 'who', { name: 'other' }));
show('getter with primitive receiver', Reflect.get({ get t() { return typeof this; } }, 't', 42));
show('get array element', Reflect.get(['a', 'b'], 1));
show('get array length', Reflect.get(['a', 'b'], 'length'));
show('get string object index', Reflect.get(new String('hi'), 0));
show('get symbol', Reflect.get({ [Symbol.for('s')]: 'sym' }, Symbol.for('s')));
show('get key conversion', Reflect.get({ 1: 'one' }, 1));
attempt('get(1, "x")', () => Reflect.get(1, 'x'));
attempt('get(null, "x")', () => Reflect.get(null, 'x'));
attempt('get()', () => Reflect.get());
// set
const o = {};
show('set new', Reflect.set(o, 'a', 1));
show('o.a', o.a);
show('set existing', Reflect.set(o, 'a', 2));
show('o.a', o.a);
show('setter', Reflect.set(child, 'who', 'val'));
show('setter ran on child', [child.setBy, Object.prototype.hasOwnProperty.call(child, 'setBy'), base.setBy]);
const recv = {};
show('setter with receiver', Reflect.set(base, 'who', 'r', recv));
show('receiver got it', recv.setBy);
const target = { p: 1 };
const other = {};
show('data with other receiver', Reflect.set(target, 'p', 5, other));
show('written to receiver', [target.p, other.p]);
show('receiver primitive', Reflect.set(target, 'p', 5, 1));
const ro = Object.defineProperty({}, 'ro', { value: 1, writable: false });
show('read-only', Reflect.set(ro, 'ro', 2));
show('read-only unchanged', ro.ro);
show('inherited read-only', Reflect.set(Object.create(ro), 'ro', 2));
show('getter only', Reflect.set({ get g() { return 1; } }, 'g', 2));
show('frozen', Reflect.set(Object.freeze({ f: 1 }), 'f', 2));
show('frozen new', Reflect.set(Object.freeze({}), 'n', 2));
show('non-extensible existing', Reflect.set(Object.preventExtensions({ e: 1 }), 'e', 2));
show('non-extensible new', Reflect.set(Object.preventExtensions({}), 'n', 2));
show('receiver has accessor', Reflect.set({ p: 1 }, 'p', 2, { get p() { return 0; } }));
show('receiver read-only', Reflect.set({ p: 1 }, 'p', 2, Object.defineProperty({}, 'p', { value: 0 })));
show('receiver non-extensible', Reflect.set({ p: 1 }, 'p', 2, Object.preventExtensions({})));
const arr = [1, 2];
show('set array element', Reflect.set(arr, 5, 'x'));
show('array', [arr.length, arr[5]]);
show('set array length', Reflect.set(arr, 'length', 1));
show('array after', arr);
attempt('set array length invalid', () => Reflect.set([], 'length', -1));
show('set frozen array element', Reflect.set(Object.freeze([1]), 0, 2));
show('set string object index', Reflect.set(new String('ab'), 0, 'z'));
show('set string object length', Reflect.set(new String('ab'), 'length', 5));
show('setter that throws', (() => { try { Reflect.set({ set s(v) { throw new Error('setter ' + v); } }, 's', 1); } catch (e) { return e.message; } })());
attempt('set(1, "a", 1)', () => Reflect.set(1, 'a', 1));
show('lengths', [Reflect.get.length, Reflect.set.length]);
