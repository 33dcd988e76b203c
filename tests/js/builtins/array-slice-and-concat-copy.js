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

// slice(start, end) and concat(...items): shallow copies
const a = ['a', 'b', 'c', 'd', 'e'];
for (const args of [[], [1], [1, 3], [-2], [-3, -1], [2, 1], [10], [-10], [0, -10], [1.5, 3.9], ['1', '3'], [NaN, NaN], [undefined, undefined], [0, undefined], [null, 2], [-Infinity, Infinity], [Infinity]]) {
  show('slice(' + args.map(fmt).join(', ') + ')', a.slice(...args));
}
show('slice keeps a and copies', (() => { const c = a.slice(); c[0] = 'Z'; return [a[0], c[0]]; })());
show('slice shares objects', (() => { const o = [{ v: 1 }]; const c = o.slice(); c[0].v = 2; return o[0].v; })());
show('slice.call(array-like)', Array.prototype.slice.call({ length: 3, 0: 'x', 2: 'z' }));
show('slice.call(arguments, 1)', (function () { return Array.prototype.slice.call(arguments, 1); })(1, 2, 3));
show('slice.call(string)', Array.prototype.slice.call('hey', 1));
show('slice.call({})', Array.prototype.slice.call({}));
show('slice.call(5)', Array.prototype.slice.call(5));
show('slice result length with trailing holes', [1, , ,].slice(0).length);
// concat
show('concat()', [1, 2].concat());
show('concat(3, [4, 5])', [1, 2].concat(3, [4, 5]));
show('concat nested stays nested', [1].concat([[2, 3]], [[[4]]]));
show('concat strings', ['a'].concat('bc', ['d']));
show('concat array-like is not spread', [1].concat({ length: 1, 0: 'x' }).length);
show('concat holes', [1, , 3].concat([, 5], 6));
show('concat trailing hole length', [1, ,].concat([2, ,]).length);
show('concat objects', [].concat({ a: 1 }, null, undefined));
show('concat.call(primitive)', Array.prototype.concat.call(1, 2).map(x => typeof x));
show('concat.call(array-like)', Array.prototype.concat.call({ length: 1, 0: 'a' }, ['b']).length);
show('concat does not change original', (() => { const x = [1]; x.concat([2]); return x; })());
show('concat arguments', (function () { return [0].concat(arguments).length; })(1, 2));
show('concat empty arrays', [].concat([], [], []).length);
attempt('concat on null', () => Array.prototype.concat.call(null, 1));
attempt('concat on undefined', () => Array.prototype.concat.call(undefined));
show('concat.length', Array.prototype.concat.length);
show('slice.length', Array.prototype.slice.length);
// getters are read in order
const log = [];
const spy = { length: 3, get 0() { log.push(0); return 'a'; }, get 1() { log.push(1); return 'b'; }, get 2() { log.push(2); return 'c'; } };
show('slice.call(spy, -2)', Array.prototype.slice.call(spy, -2));
show('log', log);
