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

// join(separator), toString and toLocaleString: null and undefined are empty, cycles join as ""
show('join()', [1, 2, 3].join());
show('join(undefined)', [1, 2, 3].join(undefined));
show('join("")', [1, 2, 3].join(''));
show('join(" - ")', [1, 2, 3].join(' - '));
show('join(null)', [1, 2].join(null));
show('join(0)', [1, 2].join(0));
show('join({toString})', [1, 2].join({ toString() { return '+'; } }));
show('join empty', [].join('x'));
show('join single', ['only'].join('x'));
show('join null/undefined', [null, undefined, 1, null].join('|'));
show('join holes', [, , 1].join('.'));
show('join nested', [1, [2, [3, [4]]], 5].join(';'));
show('join objects', [{}, { toString() { return 'T'; } }, function f() {}].join(' '));
show('join booleans and numbers', [true, false, 0, -0, NaN, 1e21, 1.5e-7].join(','));
show('join symbols throws', (() => { try { return [Symbol('s')].join(); } catch (e) { return e.name + ': ' + e.message; } })());
show('toString', [1, [2, 3]].toString());
show('String(array)', String([1, 'a', null]));
show('template', `${[1, 2]}`);
show('+ concatenation', [1, 2] + [3]);
show('empty + empty', [] + []);
show('array == string', [1, 2] == '1,2');
// cycles
const cyc = [1, 2];
cyc.push(cyc);
show('cycle join', cyc.join());
show('cycle String', String(cyc));
const outer = ['a'];
const inner = ['b', outer];
outer.push(inner);
show('mutual cycle', outer.join('-'));
show('inner of cycle', inner.join('-'));
const self = [];
self.push(self, self);
show('self twice', self.join());
// toString falls back to Object.prototype.toString without a callable join
const noJoin = [1, 2];
noJoin.join = 42;
show('toString with join = 42', noJoin.toString());
show('toString.call({join})', Array.prototype.toString.call({ join() { return 'custom join'; } }));
show('toString.call({})', Array.prototype.toString.call({}));
show('toString.call(1)', Array.prototype.toString.call(1));
show('toString.call(arguments-like)', Array.prototype.toString.call({ length: 2, 0: 'a', 1: 'b' }));
attempt('toString.call(null)', () => Array.prototype.toString.call(null));
attempt('join.call(null)', () => Array.prototype.join.call(null));
show('join.call(array-like)', Array.prototype.join.call({ length: 3, 0: 'a', 2: 'c' }, '+'));
show('join.call(string)', Array.prototype.join.call('abc', '.'));
attempt('join.call({length: 2**32})', () => Array.prototype.join.call({ length: 2 ** 32 }));
// separator converted after length, each element's toString in order
const log = [];
const spy = { get length() { log.push('length'); return 2; }, get 0() { log.push('get 0'); return { toString() { log.push('toString 0'); return 'A'; } }; }, get 1() { log.push('get 1'); return 'B'; } };
show('join.call(spy)', Array.prototype.join.call(spy, { toString() { log.push('separator'); return '/'; } }));
show('log', log);
// toLocaleString
show('toLocaleString numbers', [1234.5, 0.25, 1e6].toLocaleString());
show('toLocaleString mixed', [1, 'a', null, undefined, [2, 3]].toLocaleString());
show('toLocaleString objects', [{ toLocaleString() { return 'L'; } }, { toString() { return 'S'; } }].toLocaleString());
show('toLocaleString cycle', cyc.toLocaleString());
show('toLocaleString arguments passed', [{ toLocaleString(...a) { return a.length; } }].toLocaleString());
attempt('toLocaleString not callable', () => [{ toLocaleString: 1 }].toLocaleString());
show('join.length', Array.prototype.join.length);
show('toString.length', Array.prototype.toString.length);
show('toLocaleString.length', Array.prototype.toLocaleString.length);
