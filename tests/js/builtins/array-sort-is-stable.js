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

// Array.prototype.sort: stable (V8's TimSort), ToString order by default, undefined then holes last
const people = [];
const names = ['ann', 'bob', 'cid', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon', 'kim', 'lee'];
for (let i = 0; i < names.length; i++) people.push({ name: names[i], age: [30, 25, 30, 25, 40, 30, 25, 40, 30, 25, 40, 30][i] });
show('by age, stable', people.slice().sort((a, b) => a.age - b.age).map(p => p.name + p.age));
show('by age desc, stable', people.slice().sort((a, b) => b.age - a.age).map(p => p.name));
// a larger stable sort: 100 records, 5 keys, merged runs
const recs = [];
for (let i = 0; i < 100; i++) recs.push({ k: (i * 7) % 5, i });
const sorted = recs.slice().sort((a, b) => a.k - b.k);
let stable = true;
for (let i = 1; i < sorted.length; i++) if (sorted[i - 1].k === sorted[i].k && sorted[i - 1].i > sorted[i].i) stable = false;
show('100 records stable', stable);
show('100 records keys', sorted.map(r => r.k).join(''));
show('first of each key', sorted.filter((r, j) => j === 0 || sorted[j - 1].k !== r.k).map(r => r.i));
// default order: by ToString, UTF-16 code units
show('numbers as strings', [10, 9, 1, 100, 25, -1, -10, 0].sort());
show('numeric comparator', [10, 9, 1, 100, 25, -1, -10, 0].sort((a, b) => a - b));
show('strings', ['b', 'a', 'B', 'A', 'aa', '', 'Z', '_'].sort());
show('mixed', [true, 'true', 1, '1', null, 'null', false].sort());
show('objects by toString', [{ toString() { return 'b'; } }, { toString() { return 'a'; } }].sort().map(String));
show('undefined last', [3, undefined, 1, undefined, 2].sort());
show('undefined last with comparator', [3, undefined, 1].sort((a, b) => b - a));
show('comparator never sees undefined', (() => { const seen = []; [undefined, 2, undefined, 1].sort((a, b) => { seen.push(a, b); return a - b; }); return seen.includes(undefined); })());
const holey = [5, , 1, undefined, , 3];
show('holes after undefined', holey.sort());
show('holes keep length', holey.length);
show('hole indexes', [3 in holey, 4 in holey, 5 in holey]);
show('returns same array', (() => { const a = [2, 1]; return a.sort() === a; })());
show('empty', [].sort());
show('single', [1].sort());
show('NaN comparator results count as 0', [3, 1, 2].sort(() => NaN));
show('string comparator results', [3, 1, 2].sort((a, b) => String(a - b)));
show('boolean comparator (not a real order)', [1, 2, 3, 4, 5].sort((a, b) => a < b));
show('always -1', [1, 2, 3, 4].sort(() => -1));
show('always 1', [1, 2, 3, 4].sort(() => 1));
show('-0 and 0 stay in order', [0, -0, 0, -0].sort((a, b) => a - b).map(x => Object.is(x, -0) ? '-0' : '0'));
show('Infinity', [Infinity, -Infinity, 0, NaN, 5].sort((a, b) => a - b));
// comparator errors propagate; the array is not changed
const keep = [3, 1, 2];
attempt('comparator throws', () => keep.sort((a, b) => { if (a === 2 || b === 2) throw new Error('no 2'); return a - b; }));
show('unchanged', keep);
const toStr = [{ toString() { throw new TypeError('bad toString'); } }, 1];
attempt('toString throws', () => toStr.sort());
attempt('sort(null)', () => [2, 1].sort(null));
attempt('sort(1)', () => [2, 1].sort(1));
attempt('sort({})', () => [2, 1].sort({}));
attempt('sort("a")', () => [].sort('a'));
show('sort(undefined)', [2, 1, 10].sort(undefined));
// generic: an array-like object
const like = { length: 4, 0: 'd', 1: 'b', 3: 'a', 5: 'z' };
Array.prototype.sort.call(like);
show('array-like sorted', [like[0], like[1], like[2], 2 in like, 3 in like, like[5], like.length]);
const like2 = { length: 3, 0: undefined, 1: 'x', 2: undefined };
Array.prototype.sort.call(like2);
show('array-like undefined', [like2[0], like2[1], like2[2]]);
show('sort.call(string of length 1)', typeof Array.prototype.sort.call('a'));
attempt('sort.call(string of length 2)', () => Array.prototype.sort.call('ba'));
attempt('frozen', () => Object.freeze([2, 1]).sort());
show('frozen of one', Object.freeze([1]).sort());
show('sort.length', Array.prototype.sort.length);
// toSorted: a copy, the original unchanged, holes as undefined
const orig = [3, , 1, 2];
const copy = orig.toSorted();
show('toSorted copy', copy);
show('toSorted original', orig);
show('toSorted comparator', [1, 3, 2].toSorted((a, b) => b - a));
show('toSorted array-like', Array.prototype.toSorted.call({ length: 3, 0: 'c', 2: 'a' }));
attempt('toSorted(1)', () => [].toSorted(1));
show('toSorted.length', Array.prototype.toSorted.length);
