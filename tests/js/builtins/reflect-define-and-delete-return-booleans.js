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

// Reflect.defineProperty and Reflect.deleteProperty return false where Object's throw
const o = {};
show('define new', Reflect.defineProperty(o, 'a', { value: 1, writable: false, configurable: false }));
show('value', o.a);
const d = Object.getOwnPropertyDescriptor(o, 'a');
show('attributes', [d.value, d.writable, d.enumerable, d.configurable]);
show('redefine non-configurable', Reflect.defineProperty(o, 'a', { value: 2 }));
show('still', o.a);
show('make enumerable', Reflect.defineProperty(o, 'a', { enumerable: true }));
show('to accessor', Reflect.defineProperty(o, 'a', { get() { return 3; } }));
show('define accessor', Reflect.defineProperty(o, 'g', { get() { return 'got'; }, configurable: true }));
show('getter', o.g);
show('accessor to data', Reflect.defineProperty(o, 'g', { value: 'data' }));
show('after', [o.g, Object.getOwnPropertyDescriptor(o, 'g').writable]);
show('symbol key', Reflect.defineProperty(o, Symbol.for('k'), { value: 's' }));
show('number key', Reflect.defineProperty(o, 7, { value: 'seven', enumerable: true }));
show('keys', Object.keys(o));
show('key converted', Reflect.defineProperty(o, { toString() { return 'conv'; } }, { value: 1 }));
show('conv', o.conv);
const ne = Object.preventExtensions({ x: 1 });
show('non-extensible new', Reflect.defineProperty(ne, 'y', { value: 2 }));
show('non-extensible existing', Reflect.defineProperty(ne, 'x', { value: 5 }));
show('non-extensible values', [ne.x, ne.y, 'y' in ne]);
const fz = Object.freeze({ f: 1 });
show('frozen', Reflect.defineProperty(fz, 'f', { value: 2 }));
show('frozen new', Reflect.defineProperty(fz, 'n', { value: 2 }));
const arr = [1, 2];
show('array element', Reflect.defineProperty(arr, '1', { value: 'b' }));
show('array element past end', Reflect.defineProperty(arr, 3, { value: 'd', writable: true, enumerable: true, configurable: true }));
show('array', [arr, arr.length]);
attempt('defineProperty(1)', () => Reflect.defineProperty(1, 'a', {}));
attempt('defineProperty("s")', () => Reflect.defineProperty('s', 'a', {}));
attempt('defineProperty(o, "a", 1)', () => Reflect.defineProperty({}, 'a', 1));
attempt('defineProperty(o, "a")', () => Reflect.defineProperty({}, 'a'));
attempt('defineProperty(o, "a", null)', () => Reflect.defineProperty({}, 'a', null));
attempt('bad descriptor on non-extensible', () => Reflect.defineProperty(Object.preventExtensions({}), 'a', 5));
// the descriptor is read even where the answer is false
const log = [];
const spyDesc = { get value() { log.push('value'); return 1; }, get enumerable() { log.push('enumerable'); return true; } };
Reflect.defineProperty(Object.preventExtensions({}), 'p', spyDesc);
show('descriptor read', log);
// deleteProperty
const del = { a: 1, b: 2 };
show('delete own', Reflect.deleteProperty(del, 'a'));
show('delete missing', Reflect.deleteProperty(del, 'zzz'));
show('after', Object.keys(del));
Object.defineProperty(del, 'fixed', { value: 1 });
show('delete non-configurable', Reflect.deleteProperty(del, 'fixed'));
show('delete from frozen', Reflect.deleteProperty(Object.freeze({ q: 1 }), 'q'));
show('delete inherited', (() => { const c = Object.create({ inh: 1 }); return [Reflect.deleteProperty(c, 'inh'), c.inh]; })());
const a2 = [1, 2, 3];
show('delete array element', [Reflect.deleteProperty(a2, 1), a2, a2.length]);
show('delete array length', Reflect.deleteProperty(a2, 'length'));
show('delete frozen array element', Reflect.deleteProperty(Object.freeze([1]), 0));
show('delete symbol', (() => { const s = Symbol('s'); const x = { [s]: 1 }; return [Reflect.deleteProperty(x, s), s in x]; })());
attempt('deleteProperty(null)', () => Reflect.deleteProperty(null, 'a'));
attempt('deleteProperty(1)', () => Reflect.deleteProperty(1, 'a'));
show('lengths', [Reflect.defineProperty.length, Reflect.deleteProperty.length]);
