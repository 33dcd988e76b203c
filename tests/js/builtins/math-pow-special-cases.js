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

// Math.pow: the special cases of ECMA-262 6.1.6.1.3 (NaN for 1 ** Infinity, unlike C)
const cases = [[2, 10], [2, -1], [2, 0.5], [-8, 1 / 3], [-2, 3], [-2, 2], [4, 0.5], [0, 0], [NaN, 0], [NaN, -0], [0, NaN], [1, NaN], [1, Infinity], [1, -Infinity], [-1, Infinity], [-1, -Infinity], [0.5, Infinity], [2, Infinity], [0.5, -Infinity], [2, -Infinity], [0, 1], [-0, 1], [0, -1], [-0, -1], [-0, -2], [-0, 3], [-0, -3], [Infinity, 1], [Infinity, -1], [-Infinity, 3], [-Infinity, 2], [-Infinity, -3], [-Infinity, -2], [-1, 0.5], [-1.5, 2.5], [10, 308], [10, 309], [10, -323], [10, -324], [2, 1023], [2, 1024], [2, -1074], [2, -1075], [1.0000001, 1e10], [0.9999999, 1e10], [3, 100], [7, 0.1], [1e-300, 2]];
for (const [b, e] of cases) show('pow(' + fmt(b) + ', ' + fmt(e) + ')', Math.pow(b, e));
show('pow()', Math.pow());
show('pow(2)', Math.pow(2));
show('pow("2", "3")', Math.pow('2', '3'));
show('integer powers of 10', [1, 2, 5, 10, 15, 20, 22, 23, 25, -1, -5, -7].map(e => Math.pow(10, e)));
show('integer powers of 3', Array.from({ length: 12 }, (v, i) => Math.pow(3, i * 3)));
show('fractional powers', [Math.pow(2, 0.1), Math.pow(5, 1.5), Math.pow(1.1, 100), Math.pow(9.5, -3.25), Math.pow(0.3, 7.7)]);
show('** agrees where exact', [2 ** 10, 2 ** -2, (-2) ** 3, 4 ** 0.5].map((v, i) => v === [Math.pow(2, 10), Math.pow(2, -2), Math.pow(-2, 3), Math.pow(4, 0.5)][i]));
const log = [];
Math.pow({ valueOf() { log.push('base'); return 2; } }, { valueOf() { log.push('exponent'); return 3; } });
show('conversion order', log);
show('pow.length', Math.pow.length);
