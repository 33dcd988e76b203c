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

// keys(), values(), entries() and [Symbol.iterator]: live iterators over the length at each step
show('values === @@iterator', Array.prototype.values === Array.prototype[Symbol.iterator]);
show('values.name', Array.prototype.values.name);
show('@@iterator.name', Array.prototype[Symbol.iterator].name);
const a = ['x', 'y'];
const it = a.values();
const step = r => [r.value, r.done];
show('next', step(it.next()));
show('next', step(it.next()));
show('next done', step(it.next()));
show('next after done', step(it.next()));
a.push('z');
show('stays done after push', step(it.next()));
const k = a.keys();
show('keys', [k.next().value, k.next().value, k.next().value, k.next().done]);
const e = a.entries();
show('entries', [e.next().value, e.next().value]);
show('spread keys', [...['a', , 'c'].keys()]);
show('spread entries', [...['a', 'b'].entries()]);
show('for-of values', (() => { const out = []; for (const v of ['p', 'q']) out.push(v); return out; })());
show('for-of entries destructured', (() => { const out = []; for (const [i, v] of ['p', 'q'].entries()) out.push(i + v); return out; })());
// live: elements pushed during iteration are seen
const live = [1, 2];
const seen = [];
for (const v of live) { seen.push(v); if (v < 4) live.push(v + 2); }
show('push during for-of', seen);
const shrink = [1, 2, 3, 4];
const seen2 = [];
for (const v of shrink) { seen2.push(v); shrink.length = 2; }
show('shrink during for-of', seen2);
// generic
show('values.call(array-like)', [...Array.prototype.values.call({ length: 2, 0: 'a', 1: 'b' })]);
show('keys.call(string)', [...Array.prototype.keys.call('hey')]);
show('entries.call(arguments)', (function () { return [...Array.prototype.entries.call(arguments)]; })('u', 'v'));
show('values.call(5)', [...Array.prototype.values.call(5)]);
attempt('values.call(null)', () => Array.prototype.values.call(null));
attempt('keys.call(undefined)', () => Array.prototype.keys.call(undefined));
attempt('entries.call(null)', () => Array.prototype.entries.call(null));
// the iterator objects
const iter = [].values();
show('toString tag', Object.prototype.toString.call(iter));
show('iterator is iterable', iter[Symbol.iterator]() === iter);
show('same prototype for all kinds', Object.getPrototypeOf([].keys()) === Object.getPrototypeOf([].entries()));
show('next is shared', [].keys().next === [].values().next);
show('lengths', [Array.prototype.keys.length, Array.prototype.values.length, Array.prototype.entries.length]);
// the length is read at each step until the end
const log = [];
const spy = { get length() { log.push('length'); return 2; }, 0: 'a', 1: 'b' };
const si = Array.prototype.values.call(spy);
si.next(); si.next(); si.next();
show('length reads', log.length);
// Array.from and spread use the iterator
const patched = [1, 2, 3];
patched[Symbol.iterator] = function* () { yield 'patched'; };
show('spread uses own @@iterator', [...patched]);
show('Array.from uses own @@iterator', Array.from(patched));
show('concat ignores @@iterator', [].concat(patched).length);
