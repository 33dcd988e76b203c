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

// Every Math function converts its arguments with ToNumber (valueOf, then toString), once each,
// in order, even when the result is already decided
const log = [];
const arg = (name, v) => ({ valueOf() { log.push(name); return v; } });
for (const f of ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'clz32', 'cos', 'cosh', 'exp', 'expm1', 'floor', 'fround', 'log', 'log1p', 'log10', 'log2', 'round', 'sign', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc']) {
  log.length = 0;
  const r = Math[f](arg('x', 0.5), arg('extra', 1));
  show(f, [r, log.join(' ')]);
}
for (const f of ['atan2', 'pow', 'imul', 'max', 'min', 'hypot']) {
  log.length = 0;
  const r = Math[f](arg('a', NaN), arg('b', 2), arg('c', 3));
  show(f + ' with NaN first', [r, log.join(' ')]);
}
show('strings', [Math.abs('-2'), Math.sqrt('16'), Math.max('3', '20'), Math.floor(' 7.9 '), Math.round('0x10'), Math.sign('-0')]);
show('objects', [Math.abs({ toString() { return '-9'; } }), Math.floor([4.5]), Math.ceil([]), Math.sqrt({})]);
show('booleans and null', [Math.abs(true), Math.abs(null), Math.abs(undefined), Math.max(false, null)]);
attempt('Symbol', () => Math.abs(Symbol()));
attempt('toPrimitive object', () => Math.abs({ [Symbol.toPrimitive]() { return {}; } }));
show('toPrimitive hint', (() => { let hint; Math.abs({ [Symbol.toPrimitive](h) { hint = h; return 1; } }); return hint; })());
