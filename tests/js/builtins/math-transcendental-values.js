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

// The functions V8 computes with fdlibm: these digits are Node's, to the last bit
const xs = [0, -0, 0.5, 1, -1, 2, Math.PI, Math.PI / 2, Math.PI / 4, Math.E, 10, -10, 0.1, 1e-10, 1e10, 100, 710, -745, 1e300, 22, 0.7, 3.7, -2.5];
for (const f of ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'cbrt', 'sqrt']) {
  show(f, xs.map(x => Math[f](x)));
}
show('special values', [Math.sin(Infinity), Math.cos(NaN), Math.log(-1), Math.log(0), Math.sqrt(-1), Math.sqrt(-0), Math.exp(-Infinity), Math.exp(Infinity), Math.atanh(1), Math.atanh(-1), Math.acosh(0.5), Math.log1p(-1), Math.cbrt(-8), Math.cbrt(-0)]);
show('exact values', [Math.exp(0), Math.log(1), Math.log10(1000), Math.log2(1024), Math.log10(1e15), Math.log2(0.125), Math.cbrt(27), Math.sqrt(2) * Math.sqrt(2)]);
show('atan2', [[1, 1], [1, -1], [-1, -1], [-1, 1], [0, -0], [-0, -0], [0, 0], [-0, 0], [1, 0], [1, -0], [Infinity, Infinity], [-Infinity, Infinity], [Infinity, -Infinity], [1, Infinity], [1, -Infinity], [NaN, 1], [3, 4], [1e-300, 1e300]].map(([y, x]) => Math.atan2(y, x)));
let seed = 99;
const rnd = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 4294967296; };
for (const f of ['sin', 'cos', 'tan', 'exp', 'log', 'cbrt', 'atan', 'sinh', 'log1p', 'expm1']) {
  const out = [];
  for (let i = 0; i < 12; i++) {
    const x = f === 'log' || f === 'log1p' || f === 'cbrt' ? rnd() * 1000 : (rnd() - 0.5) * 40;
    out.push(Math[f](x));
  }
  show(f + ' at random points', out);
}
show('constants', [Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2]);
show('constants agree', [Math.LN2 === Math.log(2), Math.LN10 === Math.log(10), Math.SQRT2 === Math.sqrt(2), Math.E === Math.exp(1)]);
show('sin(PI) is not 0', Math.sin(Math.PI));
show('cos(PI/2) is not 0', Math.cos(Math.PI / 2));
show('tan(PI/4)', Math.tan(Math.PI / 4));
