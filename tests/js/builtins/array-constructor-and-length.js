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

// Array(...) and new Array(...): one number is a length, anything else is elements
show('Array()', Array());
show('new Array()', new Array());
show('Array(3)', Array(3));
show('Array(3).length', Array(3).length);
show('new Array(0)', new Array(0));
show('Array(1, 2)', Array(1, 2));
show('Array("3")', Array('3'));
show('Array(true)', Array(true));
show('Array(undefined)', Array(undefined));
show('Array(null)', Array(null));
show('Array([1, 2])', Array([1, 2]));
show('new Array(2.0)', new Array(2.0));
attempt('new Array(-1)', () => new Array(-1));
attempt('new Array(1.5)', () => new Array(1.5));
attempt('Array(2 ** 32)', () => Array(2 ** 32));
attempt('Array(NaN)', () => Array(NaN));
attempt('Array(Infinity)', () => Array(Infinity));
show('Array(2 ** 32 - 1 > 0)', Array(2 ** 32 - 1 > 0));
show('Array.length', Array.length);
show('Array.name', Array.name);
show('typeof Array.prototype', typeof Array.prototype);
show('Array.isArray(Array.prototype)', Array.isArray(Array.prototype));
show('Array.prototype.length', Array.prototype.length);
show('Array.prototype.constructor === Array', Array.prototype.constructor === Array);
// length follows the elements
const a = [];
a[4] = 'x';
show('a[4] = x; a.length', a.length);
show('a', a);
a.length = 2;
show('a.length = 2', a);
a.length = 4;
show('a.length = 4', a);
attempt('a.length = -1', () => { a.length = -1; });
attempt('a.length = 1.5', () => { a.length = 1.5; });
show('[,].length', [,].length);
show('[1,,3].length', [1, , 3].length);
show('[1,,3]', [1, , 3]);
show('1 in [1,,3]', 1 in [1, , 3]);
// Array.isArray
show('isArray([])', Array.isArray([]));
show('isArray({length: 0})', Array.isArray({ length: 0 }));
show('isArray("abc")', Array.isArray('abc'));
show('isArray(arguments-like)', (function () { return Array.isArray(arguments); })(1, 2));
show('isArray()', Array.isArray());
show('isArray(new Array(2))', Array.isArray(new Array(2)));
// Array.of
show('Array.of()', Array.of());
show('Array.of(7)', Array.of(7));
show('Array.of(1, 2, 3)', Array.of(1, 2, 3));
show('Array.of(undefined)', Array.of(undefined));
show('Array.of.length', Array.of.length);
function Holder(n) { this.made = n; }
const held = Array.of.call(Holder, 'a', 'b');
show('Array.of.call(Holder) instanceof Holder', held instanceof Holder);
show('Array.of.call(Holder) fields', [held.made, held[0], held[1], held.length]);
show('Array.of.call(non-constructor)', Array.of.call(Math.max, 1, 2));
show('Array.of.call({}, 1)', Array.of.call({}, 1));
// subclasses
class Stack extends Array {
  top() { return this[this.length - 1]; }
}
const s = new Stack(1, 2, 3);
show('new Stack(1, 2, 3).top()', s.top());
show('Stack instance isArray', Array.isArray(s));
show('Stack length', s.length);
show('new Stack(4).length', new Stack(4).length);
show('Stack.of(5, 6) instanceof Stack', Stack.of(5, 6) instanceof Stack);
show('Stack.from("ab") instanceof Stack', Stack.from('ab') instanceof Stack);
show('Stack.from("ab")', Array.from(Stack.from('ab')));
