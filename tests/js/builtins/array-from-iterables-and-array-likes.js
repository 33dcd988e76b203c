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

// Array.from: iterables (strings, generators, iterators) and array-likes, with a mapping function
show('from("abc")', Array.from('abc'));
show('from("")', Array.from(''));
show('from([1,,3])', Array.from([1, , 3]));
show('from({length: 3})', Array.from({ length: 3 }));
show('from({length: 2, 0: "a", 1: "b", 2: "c"})', Array.from({ length: 2, 0: 'a', 1: 'b', 2: 'c' }));
show('from({length: "2", 0: 1})', Array.from({ length: '2', 0: 1 }));
show('from({length: -5})', Array.from({ length: -5 }));
show('from({length: 2.7})', Array.from({ length: 2.7 }));
show('from({})', Array.from({}));
show('from(5)', Array.from(5));
show('from(true)', Array.from(true));
show('from({length: 3}, (v, i) => i * i)', Array.from({ length: 3 }, (v, i) => i * i));
show('from([1, 2], x => x * 10)', Array.from([1, 2], x => x * 10));
show('from("ab", function (c) { return c + this.s; }, {s: "!"})',
  Array.from('ab', function (c) { return c + this.s; }, { s: '!' }));
show('mapFn arguments count', Array.from([7], function () { return arguments.length; }));
function* gen() { yield 1; yield 2; yield 3; }
show('from(gen())', Array.from(gen()));
show('from(gen(), x => -x)', Array.from(gen(), x => -x));
show('from([].keys())', Array.from(['a', 'b'].keys()));
show('from(entries)', Array.from(['a', 'b'].entries()));
show('from(arguments)', (function () { return Array.from(arguments); })('x', 'y'));
// a hand-made iterator: next() called until done, the value of the done result ignored
const log = [];
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    log.push('@@iterator');
    return {
      next() { log.push('next ' + i); return i < 3 ? { value: i++ * 2, done: false } : { value: 'end', done: true }; },
      return() { log.push('return'); return {}; },
    };
  },
};
show('from(iterable)', Array.from(iterable));
show('log', log);
// mapFn throwing closes the iterator
log.length = 0;
attempt('from(iterable, throwing mapFn)', () => Array.from(iterable, v => { if (v === 2) throw new Error('stop at ' + v); return v; }));
show('log after throw', log);
// the iterator protocol is preferred over length
show('from(array-like with iterator)', Array.from({ length: 5, 0: 'x', [Symbol.iterator]: gen }));
// null/undefined iterator method: array-like path
show('from({[Symbol.iterator]: null, length: 1, 0: "z"})', Array.from({ [Symbol.iterator]: null, length: 1, 0: 'z' }));
show('from({[Symbol.iterator]: undefined, length: 1, 0: "z"})', Array.from({ [Symbol.iterator]: undefined, length: 1, 0: 'z' }));
attempt('from(null)', () => Array.from(null));
attempt('from(undefined)', () => Array.from(undefined));
attempt('from()', () => Array.from());
attempt('from([], 5)', () => Array.from([], 5));
attempt('from([], {})', () => Array.from([], {}));
attempt('from({[Symbol.iterator]: 1})', () => Array.from({ [Symbol.iterator]: 1 }));
attempt('from(iterator returning 1)', () => Array.from({ [Symbol.iterator]() { return 1; } }));
attempt('from(next returning 1)', () => Array.from({ [Symbol.iterator]() { return { next() { return 1; } }; } }));
attempt('from({length: 2 ** 32})', () => Array.from({ length: 2 ** 32 }));
// mapFn is checked before the items are looked at
const touched = [];
const spy = { get [Symbol.iterator]() { touched.push('@@iterator'); return undefined; }, get length() { touched.push('length'); return 1; }, get 0() { touched.push('0'); return 'v'; } };
attempt('from(spy, "not callable")', () => Array.from(spy, 'nope'));
show('touched', touched);
show('from(spy)', Array.from(spy));
show('touched', touched);
// with a constructor as this
function Box() { this.tag = 'box'; }
const boxed = Array.from.call(Box, 'hi');
show('from.call(Box, "hi")', [boxed instanceof Box, boxed.tag, boxed[0], boxed[1], boxed.length]);
const boxed2 = Array.from.call(Box, { length: 2, 0: 'a', 1: 'b' });
show('from.call(Box, array-like)', [boxed2 instanceof Box, boxed2[0], boxed2[1], boxed2.length]);
show('from.call(undefined, "ab")', Array.from.call(undefined, 'ab'));
show('Array.from.length', Array.from.length);
show('Array.from.name', Array.from.name);
