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

// at(index), with(index, value), toReversed(): relative indexes, copies, RangeErrors
const a = ['a', 'b', 'c'];
for (const i of [0, 1, 2, 3, -1, -3, -4, 1.5, -1.5, '1', NaN, undefined, null, true, Infinity, -Infinity, '-1', 2 ** 32]) show('at(' + fmt(i) + ')', a.at(i));
show('at on holes', [, 'x'].at(0));
show('at.call(string)', Array.prototype.at.call('xyz', -1));
show('at.call(array-like)', Array.prototype.at.call({ length: 2, 1: 'last' }, -1));
attempt('at.call(null)', () => Array.prototype.at.call(null, 0));
attempt('at(symbol)', () => a.at(Symbol()));
for (const i of [0, 2, -1, -3, 1.9, '1', NaN]) show('with(' + fmt(i) + ', "X")', a.with(i, 'X'));
for (const i of [3, -4, Infinity, -Infinity, 5.5, -3.5, 2 ** 32, '7', ' 9 ', true, [3], { valueOf() { return 5; } }, -0.5e-7]) attempt('with(' + fmt(i) + ', "X")', () => a.with(i, 'X'));
show('with leaves the original', a);
show('with on holes', [1, , 3].with(0, 0));
show('with() no arguments', ['q'].with());
show('with.call(array-like)', Array.prototype.with.call({ length: 2, 0: 'a' }, 1, 'b'));
attempt('with.call(null)', () => Array.prototype.with.call(null, 0, 1));
attempt('with on empty', () => [].with(0, 1));
show('toReversed', a.toReversed());
show('toReversed leaves the original', a);
show('toReversed holes', [1, , 3, ,].toReversed());
show('toReversed empty', [].toReversed());
show('toReversed.call(array-like)', Array.prototype.toReversed.call({ length: 3, 0: 'a', 2: 'c' }));
show('toReversed.call(string)', Array.prototype.toReversed.call('abc'));
attempt('toReversed.call(null)', () => Array.prototype.toReversed.call(null));
attempt('toReversed too long', () => Array.prototype.toReversed.call({ length: 2 ** 32 }));
show('copies are plain arrays', (() => { class Sub extends Array {} const s = Sub.from([1, 2]); return [s.toReversed() instanceof Sub, s.with(0, 1) instanceof Sub, s.toSorted() instanceof Sub, s.toSpliced(0, 1) instanceof Sub]; })());
show('frozen arrays can be copied', [Object.freeze([2, 1]).toSorted(), Object.freeze([1, 2]).toReversed(), Object.freeze([1]).with(0, 5)]);
// index converted before the copy; values read in order
const log = [];
const spy = { get length() { log.push('length'); return 2; }, get 0() { log.push('get 0'); return 'a'; }, get 1() { log.push('get 1'); return 'b'; } };
Array.prototype.with.call(spy, { valueOf() { log.push('index'); return 0; } }, 'v');
show('with order', log);
log.length = 0;
Array.prototype.toReversed.call(spy);
show('toReversed order', log);
log.length = 0;
Array.prototype.at.call(spy, { valueOf() { log.push('index'); return -1; } });
show('at order', log);
show('lengths', [Array.prototype.at.length, Array.prototype.with.length, Array.prototype.toReversed.length]);
