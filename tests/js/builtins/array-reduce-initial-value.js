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

// reduce/reduceRight: the accumulator, the initial value, empty arrays and holes
show('sum', [1, 2, 3, 4].reduce((a, b) => a + b));
show('sum with 10', [1, 2, 3, 4].reduce((a, b) => a + b, 10));
show('concat right', ['a', 'b', 'c'].reduceRight((a, b) => a + b));
show('concat right with init', ['a', 'b', 'c'].reduceRight((a, b) => a + b, '>'));
show('single element, no init', [5].reduce(() => { throw new Error('not called'); }));
show('empty with init', [].reduce(() => 1, 'init'));
show('init undefined counts', [].reduce(() => 1, undefined));
show('init undefined passed', [1].reduce((a, b) => [a, b], undefined));
attempt('empty without init', () => [].reduce((a, b) => a + b));
attempt('empty right without init', () => [].reduceRight((a, b) => a + b));
attempt('only holes without init', () => [, ,].reduce((a, b) => a + b));
show('holes skipped for the start', [, , 3, , 5].reduce((a, b) => a + '|' + b));
show('holes skipped right', [1, , 3, , ,].reduceRight((a, b) => a + '|' + b));
const args = [];
['x', 'y', 'z'].reduce(function (acc, v, i, arr) { args.push([acc, v, i, arr.length, this === undefined || this === globalThis]); return acc + v; });
show('callback arguments', args);
const argsR = [];
['x', 'y', 'z'].reduceRight((acc, v, i) => { argsR.push(acc + v + i); return acc + v; }, '');
show('reduceRight arguments', argsR);
show('flatten', [[1, 2], [3], [4, [5]]].reduce((a, b) => a.concat(b), []));
show('count', ['a', 'b', 'a', 'c', 'a'].reduce((m, k) => { m[k] = (m[k] || 0) + 1; return m; }, {}));
show('max', [3, 9, 2].reduce((a, b) => Math.max(a, b)));
show('reduce.call(array-like)', Array.prototype.reduce.call({ length: 3, 0: 1, 1: 2, 2: 3 }, (a, b) => a * b));
show('reduce.call(string)', Array.prototype.reduce.call('abc', (a, b) => b + a));
show('reduceRight.call(arguments)', (function () { return Array.prototype.reduceRight.call(arguments, (a, b) => a + b); })('a', 'b', 'c'));
// the array changes while reducing
const grow = [1, 2, 3];
show('push during reduce', grow.reduce((a, b, i, arr) => { if (i === 1) arr.push(100); return a + b; }));
const shrink = [1, 2, 3, 4];
show('pop during reduce', shrink.reduce((a, b, i, arr) => { if (i === 1) arr.pop(); return a + b; }));
// checks in order: this, length, callback
const log = [];
const spy = { get length() { log.push('length'); return 0; } };
attempt('reduce(spy, not callable)', () => Array.prototype.reduce.call(spy, 'nope'));
show('log', log);
attempt('reduce on null', () => Array.prototype.reduce.call(null, (a, b) => a));
attempt('reduceRight on undefined', () => Array.prototype.reduceRight.call(undefined, (a, b) => a));
attempt('reduce(undefined)', () => [1].reduce());
attempt('reduceRight({})', () => [1].reduceRight({}));
attempt('callback throws', () => [1, 2, 3].reduce((a, b) => { if (b === 3) throw new Error('three'); return a + b; }));
show('lengths', [Array.prototype.reduce.length, Array.prototype.reduceRight.length]);
