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

// splice(start, deleteCount, ...items): removes in place and returns the removed elements
function sp(label, arr, ...args) {
  const a = arr.slice();
  const removed = a.splice(...args);
  show(label, [removed, a, a.length]);
}
const base = [0, 1, 2, 3, 4, 5];
sp('splice()', base);
sp('splice(2)', base, 2);
sp('splice(2, 2)', base, 2, 2);
sp('splice(2, 0, "a", "b")', base, 2, 0, 'a', 'b');
sp('splice(2, 1, "a", "b")', base, 2, 1, 'a', 'b');
sp('splice(2, 3, "a")', base, 2, 3, 'a');
sp('splice(-2)', base, -2);
sp('splice(-2, 1)', base, -2, 1);
sp('splice(-10, 2)', base, -10, 2);
sp('splice(10, 2, "x")', base, 10, 2, 'x');
sp('splice(1, -1, "x")', base, 1, -1, 'x');
sp('splice(1, 100)', base, 1, 100);
sp('splice(1, undefined)', base, 1, undefined);
sp('splice(undefined)', base, undefined);
sp('splice(undefined, 2)', base, undefined, 2);
sp('splice(1.7, 1.9)', base, 1.7, 1.9);
sp('splice("2", "2")', base, '2', '2');
sp('splice(NaN, 1)', base, NaN, 1);
sp('splice(Infinity)', base, Infinity);
sp('splice(-Infinity, 1)', base, -Infinity, 1);
sp('splice(0, Infinity)', base, 0, Infinity);
sp('splice(0, 0)', base, 0, 0);
sp('splice on empty', [], 0, 0, 'only');
sp('splice with holes', [0, , 2, , 4], 1, 2);
sp('splice insert into holes', [0, , 2, , 4], 1, 0, 'new');
sp('splice remove from middle, holes after', [0, 1, , 3, , 5], 0, 1);
sp('splice grows', [1, 2], 1, 0, 'a', 'b', 'c', 'd');
sp('splice shrinks', [1, 2, 3, 4, 5, 6, 7], 1, 5, 'x');
// generic receivers
const like = { length: 5, 0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e' };
const removed = Array.prototype.splice.call(like, 1, 2, 'X');
show('array-like removed', removed);
show('array-like after', [like.length, like[0], like[1], like[2], like[3], 4 in like]);
const like2 = { length: 2, 0: 'a', 1: 'b' };
Array.prototype.splice.call(like2, 1, 0, 'm', 'n');
show('array-like grown', [like2.length, like2[0], like2[1], like2[2], like2[3]]);
show('splice.call({}) length set', (() => { const o = {}; Array.prototype.splice.call(o); return o.length; })());
show('removed is a plain array', Array.isArray([1, 2].splice(0, 1)));
// the order of accesses on an array-like
const log = [];
const spy = {
  get length() { log.push('get length'); return 3; },
  set length(v) { log.push('set length ' + v); },
  get 0() { log.push('get 0'); return 'a'; }, set 0(v) { log.push('set 0 ' + v); },
  get 1() { log.push('get 1'); return 'b'; }, set 1(v) { log.push('set 1 ' + v); },
  get 2() { log.push('get 2'); return 'c'; }, set 2(v) { log.push('set 2 ' + v); },
};
show('spy splice(0, 1)', Array.prototype.splice.call(spy, 0, 1));
show('log', log);
log.length = 0;
Array.prototype.splice.call(spy, 1, 0, 'z');
show('log insert', log);
attempt('splice on frozen', () => Object.freeze([1, 2]).splice(0, 1));
attempt('splice on frozen, nothing removed', () => Object.freeze([1, 2]).splice(0, 0));
attempt('splice on null', () => Array.prototype.splice.call(null, 0));
attempt('splice overflows 2**53-1', () => Array.prototype.splice.call({ length: 2 ** 53 - 1 }, 0, 0, 'x'));
show('splice.length', Array.prototype.splice.length);
// toSpliced: the same arguments, a new array, the original unchanged
const orig = [0, 1, 2, 3];
show('toSpliced(1, 2, "x")', [orig.toSpliced(1, 2, 'x'), orig]);
show('toSpliced()', orig.toSpliced());
show('toSpliced(2)', orig.toSpliced(2));
show('toSpliced(-1, 0, "end")', orig.toSpliced(-1, 0, 'end'));
show('toSpliced(1, undefined)', orig.toSpliced(1, undefined));
show('toSpliced holes become undefined', [0, , 2].toSpliced(0, 0));
show('toSpliced array-like', Array.prototype.toSpliced.call({ length: 3, 0: 'a', 2: 'c' }, 1, 1));
attempt('toSpliced overflows', () => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 'x'));
attempt('toSpliced too long', () => Array.prototype.toSpliced.call({ length: 2 ** 32 }, 0, 0));
show('toSpliced.length', Array.prototype.toSpliced.length);
