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

// ArraySpeciesCreate: map, filter, slice, splice, concat, flat and flatMap make this.constructor[Symbol.species]
class MyArray extends Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
}
const m = MyArray.from([1, 2, 3, 4]);
show('map', [m.map(x => x) instanceof MyArray, m.map(x => x * 2).sum()]);
show('filter', [m.filter(x => x > 1) instanceof MyArray, m.filter(x => x > 1).sum()]);
show('slice', [m.slice(1) instanceof MyArray, m.slice(1).sum()]);
show('splice', [m.slice().splice(0, 2) instanceof MyArray]);
show('concat', [m.concat([5]) instanceof MyArray, m.concat([5]).sum()]);
show('flat', MyArray.from([[1], [2]]).flat() instanceof MyArray);
show('flatMap', m.flatMap(x => [x]) instanceof MyArray);
show('Array[Symbol.species]', Array[Symbol.species] === Array);
show('MyArray[Symbol.species]', MyArray[Symbol.species] === MyArray);
show('species getter name', Object.getOwnPropertyDescriptor(Array, Symbol.species).get.name);
// species back to Array
class Plain extends Array {
  static get [Symbol.species]() { return Array; }
}
const p = Plain.from([1, 2]);
show('species = Array', [p.map(x => x) instanceof Plain, Array.isArray(p.map(x => x))]);
// constructor property overridden
const a = [1, 2, 3];
a.constructor = undefined;
show('constructor undefined', Array.isArray(a.map(x => x)));
const b = [1, 2, 3];
b.constructor = { [Symbol.species]: null };
show('species null', Array.isArray(b.filter(x => x)));
const c = [1, 2, 3];
c.constructor = { [Symbol.species]: undefined };
show('species undefined', c.slice().length);
const d = [1, 2, 3];
d.constructor = { [Symbol.species]: function (n) { this.made = n; } };
const made = d.map(x => x * 2);
show('species constructor called with length', [Array.isArray(made), made.made, made[0], made[2]]);
const madeF = d.filter(x => x > 1);
show('filter species called with 0', [madeF.made, madeF[0], madeF[1]]);
const madeS = d.slice(1);
show('slice species with count', [madeS.made, madeS[0], madeS.length]);
const e = [1];
e.constructor = 1;
attempt('constructor 1', () => e.map(x => x));
const f = [1];
f.constructor = { [Symbol.species]: 1 };
attempt('species 1', () => f.map(x => x));
const g = [1];
g.constructor = { [Symbol.species]: () => [] };
attempt('species arrow', () => g.map(x => x));
// only arrays use species
const like = { length: 1, 0: 'x', constructor: { [Symbol.species]: function () { throw new Error('not used'); } } };
show('array-like ignores species', Array.isArray(Array.prototype.map.call(like, x => x)));
// the order: constructor read after the callback check
const log = [];
const h = [1];
Object.defineProperty(h, 'constructor', { get() { log.push('constructor'); return Array; } });
attempt('map(null) before constructor', () => h.map(null));
show('log', log);
h.map(x => x);
show('log after map', log);
