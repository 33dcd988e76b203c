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

// indexOf (===, skips holes), lastIndexOf (backwards), includes (SameValueZero, reads holes)
const a = [1, 2, 3, 2, 1, NaN, -0, '2', undefined, null];
for (const [v, name] of [[2, '2'], ['2', '"2"'], [NaN, 'NaN'], [0, '0'], [-0, '-0'], [undefined, 'undefined'], [null, 'null'], [4, '4']]) {
  show('indexOf(' + name + ')', a.indexOf(v));
  show('lastIndexOf(' + name + ')', a.lastIndexOf(v));
  show('includes(' + name + ')', a.includes(v));
}
const b = [0, 1, 2, 0, 1, 2];
for (const from of [undefined, 0, 1, 3, 5, 6, 100, -1, -2, -6, -7, -100, 1.9, '2', NaN, Infinity, -Infinity, null]) {
  show('indexOf(0, ' + fmt(from) + ')', b.indexOf(0, from));
  show('includes(2, ' + fmt(from) + ')', b.includes(2, from));
  show('lastIndexOf(1, ' + fmt(from) + ')', b.lastIndexOf(1, from));
}
show('lastIndexOf without fromIndex', b.lastIndexOf(2));
show('lastIndexOf with explicit undefined', b.lastIndexOf(2, undefined));
show('indexOf on empty', [].indexOf(undefined));
show('includes on empty', [].includes(undefined));
show('lastIndexOf on empty', [].lastIndexOf(undefined));
show('includes() no argument', [undefined].includes());
show('indexOf() no argument', [undefined].indexOf());
show('objects by identity', (() => { const o = {}; return [[o].indexOf(o), [{}].indexOf({}), [o].includes(o)]; })());
show('indexOf.call(string)', Array.prototype.indexOf.call('hello', 'l'));
show('lastIndexOf.call(string)', Array.prototype.lastIndexOf.call('hello', 'l'));
show('includes.call(array-like)', Array.prototype.includes.call({ length: 2, 1: NaN }, NaN));
show('indexOf.call(array-like hole)', Array.prototype.indexOf.call({ length: 2 }, undefined));
show('includes.call(array-like hole)', Array.prototype.includes.call({ length: 2 }, undefined));
// fromIndex is converted after length, and not at all when length is 0
const log = [];
const from = { valueOf() { log.push('valueOf'); return 0; } };
[].indexOf(1, from);
[].includes(1, from);
[].lastIndexOf(1, from);
show('not converted on empty', log.length);
[1].indexOf(1, from);
[1].includes(1, from);
[1].lastIndexOf(1, from);
show('converted otherwise', log.length);
const order = [];
const spy = { get length() { order.push('length'); return 2; }, get 0() { order.push('get 0'); return 'x'; }, get 1() { order.push('get 1'); return 'y'; } };
Array.prototype.indexOf.call(spy, 'y', { valueOf() { order.push('fromIndex'); return 0; } });
show('indexOf order', order);
order.length = 0;
Array.prototype.lastIndexOf.call(spy, 'x');
show('lastIndexOf order', order);
attempt('indexOf on null', () => Array.prototype.indexOf.call(null, 1));
attempt('lastIndexOf on null', () => Array.prototype.lastIndexOf.call(null, 1));
attempt('includes on undefined', () => Array.prototype.includes.call(undefined, 1));
attempt('fromIndex symbol', () => [1].indexOf(1, Symbol()));
show('lengths', [Array.prototype.indexOf.length, Array.prototype.lastIndexOf.length, Array.prototype.includes.length]);
