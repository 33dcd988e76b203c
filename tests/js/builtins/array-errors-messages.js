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

// The TypeErrors and RangeErrors of Array and how V8 words them
attempt('new Array(-1)', () => new Array(-1));
attempt('Array(4294967296)', () => Array(4294967296));
attempt('[].length = -1', () => { [].length = -1; });
attempt('map(1)', () => [1].map(1));
attempt('map({})', () => [1].map({}));
attempt('map([])', () => [1].map([]));
attempt('map("abc")', () => [1].map('abc'));
attempt('map(undefined)', () => [1].map(undefined));
attempt('map(null)', () => [1].map(null));
attempt('map(Symbol("d"))', () => [1].map(Symbol('d')));
attempt('map(new Error("e"))', () => [1].map(new Error('e')));
attempt('map(class instance)', () => [1].map(new (class Thing {})()));
attempt('map(Object.create(null))', () => [1].map(Object.create(null)));
attempt('map(Math)', () => [1].map(Math));
attempt('map(new Number(3))', () => [1].map(new Number(3)));
attempt('map(new String("s"))', () => [1].map(new String('s')));
attempt('map({toString})', () => [1].map({ toString() { return 'custom'; } }));
attempt('map(-0)', () => [1].map(-0));
attempt('map(1.5)', () => [1].map(1.5));
attempt('forEach(true)', () => [1].forEach(true));
attempt('filter({})', () => [1].filter({}));
attempt('some(1)', () => [1].some(1));
attempt('every(1)', () => [1].every(1));
attempt('find(1)', () => [1].find(1));
attempt('findIndex(1)', () => [1].findIndex(1));
attempt('findLast(1)', () => [1].findLast(1));
attempt('findLastIndex(1)', () => [1].findLastIndex(1));
attempt('reduce(1)', () => [1].reduce(1));
attempt('reduceRight(1)', () => [1].reduceRight(1));
attempt('flatMap(1)', () => [1].flatMap(1));
attempt('sort(1)', () => [1].sort(1));
attempt('sort(true)', () => [1].sort(true));
attempt('toSorted(1)', () => [1].toSorted(1));
attempt('reduce empty', () => [].reduce((a, b) => a));
attempt('Array.from(null)', () => Array.from(null));
attempt('Array.from(undefined)', () => Array.from(undefined));
attempt('Array.from([], 1)', () => Array.from([], 1));
attempt('with(9)', () => [1].with(9, 0));
attempt('push frozen', () => Object.freeze([]).push(1));
attempt('pop frozen', () => Object.freeze([1]).pop());
attempt('shift frozen', () => Object.freeze([1]).shift());
attempt('unshift frozen', () => Object.freeze([1]).unshift(0));
attempt('splice frozen', () => Object.freeze([1]).splice(0, 1));
attempt('reverse frozen', () => Object.freeze([1, 2]).reverse());
attempt('sort frozen', () => Object.freeze([2, 1]).sort());
attempt('fill frozen', () => Object.freeze([1]).fill(0));
attempt('copyWithin frozen', () => Object.freeze([1, 2]).copyWithin(0, 1));
attempt('length on frozen', () => { 'use strict'; Object.freeze([1]).length = 0; });
attempt('push on frozen array-like', () => Array.prototype.push.call(Object.freeze({ length: 1, 0: 'a' }), 'b'));
attempt('reverse on frozen array-like', () => Array.prototype.reverse.call(Object.freeze({ length: 2, 0: 'a', 1: 'b' })));
attempt('push past 2**53-1', () => Array.prototype.push.call({ length: 2 ** 53 - 1 }, 1));
attempt('unshift past 2**53-1', () => Array.prototype.unshift.call({ length: 2 ** 53 - 1 }, 1));
attempt('splice past 2**53-1', () => Array.prototype.splice.call({ length: 2 ** 53 - 1 }, 0, 0, 1));
attempt('concat on null', () => Array.prototype.concat.call(null));
attempt('join on null', () => Array.prototype.join.call(null));
attempt('map on undefined', () => Array.prototype.map.call(undefined, x => x));
attempt('sort on null', () => Array.prototype.sort.call(null));
attempt('sort on null, bad comparator first', () => Array.prototype.sort.call(null, 1));
attempt('flat cycle', () => { const c = [1]; c.push(c); return c.flat(Infinity); });
attempt('error is a TypeError', () => { try { [].map(); } catch (e) { return [e instanceof TypeError, e.constructor === TypeError, Object.getPrototypeOf(e) === TypeError.prototype]; } });
attempt('RangeError class', () => { try { [].with(1, 1); } catch (e) { return [e instanceof RangeError, e.name]; } });
