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

// The callback methods: arguments (value, index, array), thisArg, and the length read once
const arr = ['a', 'b'];
for (const name of ['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap']) {
  const calls = [];
  arr[name](function (v, i, o) { calls.push(v + i + (o === arr) + arguments.length + (this && this.tag)); return name === 'every'; }, { tag: 'T' });
  show(name, calls);
}
const r1 = [];
[1].forEach(function () { r1.push(this === undefined); });
show('sloppy callback this without thisArg is undefined in strict fn', (function () { 'use strict'; const out = []; [1].forEach(function () { out.push(this); }); return out; })());
show('arrow ignores thisArg', (function () { const self = this; return [1].map(() => this === self, { other: 1 }); }).call({ me: 1 }));
show('thisArg primitive in strict callback', [1].map(function () { 'use strict'; return typeof this; }, 'str'));
show('thisArg primitive in sloppy callback', [1].map(function () { return typeof this; }, 'str'));
// elements appended during the walk are not visited; deleted ones are skipped
const grow = [1, 2, 3];
const seenGrow = [];
grow.forEach((v, i, a) => { seenGrow.push(v); if (i === 0) a.push(99); });
show('push during forEach', [seenGrow, grow]);
const shrink = [1, 2, 3, 4];
const seenShrink = [];
shrink.forEach((v, i, a) => { seenShrink.push(v); if (i === 0) a.pop(); });
show('pop during forEach', seenShrink);
const del = [1, 2, 3];
const seenDel = [];
del.map((v, i, a) => { seenDel.push(v); if (i === 0) delete a[1]; return v; });
show('delete during map', seenDel);
const change = [1, 2, 3];
show('change ahead during map', change.map((v, i, a) => { if (i === 0) a[2] = 30; return v; }));
const findMut = [1, 2, 3];
const seenFind = [];
findMut.find((v, i, a) => { seenFind.push(v); if (i === 0) a.length = 1; return false; });
show('find visits shortened as undefined', seenFind);
// results
show('map result', [1, 2, 3].map(x => x * 2));
show('filter result', [1, 2, 3, 4].filter(x => x % 2));
show('filter truthiness', [0, 1, '', 'a', null, {}, NaN].filter(x => x).length);
show('some stops', (() => { const seen = []; const r = [1, 2, 3].some(x => { seen.push(x); return x === 2; }); return [r, seen]; })());
show('every stops', (() => { const seen = []; const r = [1, 2, 3].every(x => { seen.push(x); return x < 2; }); return [r, seen]; })());
show('some on empty', [].some(() => true));
show('every on empty', [].every(() => false));
show('find', [5, 12, 8].find(x => x > 6));
show('find none', [5].find(x => x > 6));
show('findIndex', [5, 12, 8].findIndex(x => x > 6));
show('findIndex none', [5].findIndex(x => x > 6));
show('findLast', [5, 12, 8, 1].findLast(x => x > 6));
show('findLastIndex', [5, 12, 8, 1].findLastIndex(x => x > 6));
show('findLastIndex none', [1].findLastIndex(x => x > 6));
show('forEach returns', [1].forEach(x => x));
// generic receivers
const like = { length: 3, 0: 'x', 1: 'y', 2: 'z' };
show('map.call(array-like)', Array.prototype.map.call(like, s => s.toUpperCase()));
show('filter.call(string)', Array.prototype.filter.call('hello', c => c !== 'l'));
show('map.call(arguments)', (function () { return Array.prototype.map.call(arguments, x => x * 3); })(1, 2));
show('some.call(number)', Array.prototype.some.call(5, () => true));
show('forEach.call({length: "2"})', (() => { const seen = []; Array.prototype.forEach.call({ length: '2', 0: 'p', 1: 'q' }, v => seen.push(v)); return seen; })());
// length is read once, before the callback check
const order = [];
const spy = { get length() { order.push('length'); return 2; }, get 0() { order.push('get 0'); return 'a'; }, get 1() { order.push('get 1'); return 'b'; } };
attempt('map(spy, not callable)', () => Array.prototype.map.call(spy, null));
show('order', order);
order.length = 0;
Array.prototype.forEach.call(spy, v => order.push('cb ' + v));
show('order forEach', order);
// callback errors
for (const bad of [undefined, null, 1, 'abc', {}, [], Symbol('s'), true]) attempt('forEach(' + (typeof bad === 'symbol' ? 'symbol' : fmt(bad)) + ')', () => [1].forEach(bad));
attempt('map on null', () => Array.prototype.map.call(null, x => x));
attempt('forEach on undefined', () => Array.prototype.forEach.call(undefined, x => x));
attempt('filter on null', () => Array.prototype.filter.call(null, x => x));
attempt('some on null', () => Array.prototype.some.call(null, x => x));
attempt('every on null', () => Array.prototype.every.call(null, x => x));
attempt('find on null', () => Array.prototype.find.call(null, x => x));
attempt('findIndex on null', () => Array.prototype.findIndex.call(null, x => x));
attempt('findLast on null', () => Array.prototype.findLast.call(null, x => x));
attempt('findLastIndex on null', () => Array.prototype.findLastIndex.call(null, x => x));
attempt('flatMap on null', () => Array.prototype.flatMap.call(null, x => x));
attempt('flatMap(1)', () => [].flatMap(1));
attempt('callback throws', () => [1, 2].map(x => { if (x === 2) throw new RangeError('at ' + x); return x; }));
