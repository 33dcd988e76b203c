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

// fill, copyWithin and reverse change the array in place and return it
const fresh = () => [0, 1, 2, 3, 4];
for (const args of [['x'], ['x', 1], ['x', 1, 3], ['x', -2], ['x', -4, -2], ['x', 3, 1], ['x', NaN, NaN], ['x', 10], ['x', 0, Infinity], ['x', '1', '2'], ['x', undefined, 2]]) {
  show('fill(' + args.map(fmt).join(', ') + ')', fresh().fill(...args));
}
show('fill() undefined', fresh().fill());
show('fill objects shared', (() => { const a = Array(2).fill({}); a[0].x = 1; return a[1].x; })());
show('fill returns same', (() => { const a = [1]; return a.fill(0) === a; })());
show('Array(3).fill(0)', Array(3).fill(0));
show('fill.call(array-like)', (() => { const o = { length: 3 }; Array.prototype.fill.call(o, 'v', 1); return [o[0], o[1], o[2]]; })());
for (const args of [[0, 3], [1, 3], [1, 2, 3], [-2, 0], [0, -2], [2, 0, 2], [0, 1, -1], [3, 0], [10, 0], [0, 10], [1, 0, 10], [NaN, 2]]) {
  show('copyWithin(' + args.map(fmt).join(', ') + ')', fresh().copyWithin(...args));
}
show('copyWithin overlapping forward', [1, 2, 3, 4, 5, 6].copyWithin(2, 0));
show('copyWithin overlapping backward', [1, 2, 3, 4, 5, 6].copyWithin(0, 2));
show('copyWithin holes', [1, , 3, , 5].copyWithin(0, 1));
show('copyWithin.call(array-like)', (() => { const o = { length: 4, 0: 'a', 1: 'b', 3: 'd' }; Array.prototype.copyWithin.call(o, 1, 0, 3); return [o[0], o[1], o[2], 3 in o, o[3]]; })());
show('reverse', fresh().reverse());
show('reverse even', [1, 2, 3, 4].reverse());
show('reverse one', [1].reverse());
show('reverse empty', [].reverse());
show('reverse holes', [1, , 3, , ].reverse());
show('reverse returns same', (() => { const a = [1, 2]; return a.reverse() === a; })());
show('reverse.call(array-like)', (() => { const o = { length: 3, 0: 'a', 2: 'c' }; Array.prototype.reverse.call(o); return [o[0], 1 in o, o[2]]; })());
show('reverse.call(array-like, missing low)', (() => { const o = { length: 3, 2: 'c' }; Array.prototype.reverse.call(o); return [o[0], 2 in o]; })());
const log = [];
const spy = { length: 4 };
for (const k of ['0', '1', '2', '3']) Object.defineProperty(spy, k, { get() { log.push('get ' + k); return k; }, set(v) { log.push('set ' + k + '=' + v); }, configurable: true });
Array.prototype.reverse.call(spy);
show('reverse order', log);
log.length = 0;
Array.prototype.copyWithin.call(spy, 0, 2);
show('copyWithin order', log);
log.length = 0;
Array.prototype.fill.call(spy, 'f', 1, 3);
show('fill order', log);
attempt('fill on frozen', () => Object.freeze([1]).fill(0));
show('fill empty range on frozen', Object.freeze([1]).fill(0, 1));
attempt('copyWithin on frozen', () => Object.freeze([1, 2]).copyWithin(0, 1));
attempt('reverse on frozen', () => Object.freeze([1, 2]).reverse());
show('reverse one on frozen', Object.freeze([1]).reverse());
attempt('fill on null', () => Array.prototype.fill.call(null, 0));
attempt('reverse on undefined', () => Array.prototype.reverse.call(undefined));
attempt('copyWithin on null', () => Array.prototype.copyWithin.call(null, 0));
attempt('reverse on string', () => Array.prototype.reverse.call('ab'));
show('lengths', [Array.prototype.fill.length, Array.prototype.copyWithin.length, Array.prototype.reverse.length]);
