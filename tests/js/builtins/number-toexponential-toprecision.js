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

// toExponential(digits) and toPrecision(precision)
const xs = [0, -0, 1, -1, 123.456, 0.00015, 1e21, 1.5e-10, 5e-324, 1.7976931348623157e308, 2 ** 53, 0.5, 9.995, 99.95, 1 / 3, 25];
for (const x of xs) show(fmt(x) + '.toExponential()', x.toExponential());
for (const d of [0, 1, 2, 5, 20, 100]) show('toExponential(' + d + ')', xs.map(x => x.toExponential(d)));
show('toExponential(undefined)', (123.456).toExponential(undefined));
show('toExponential(1.7)', (123.456).toExponential(1.7));
for (const d of [-1, 101, Infinity]) attempt('toExponential(' + fmt(d) + ')', () => (1).toExponential(d));
show('non-finite ignores range', [NaN.toExponential(200), Infinity.toExponential(-5), (-Infinity).toExponential(1000)]);
for (const x of xs) show(fmt(x) + '.toPrecision()', x.toPrecision());
for (const p of [1, 2, 3, 5, 10, 21, 100]) show('toPrecision(' + p + ')', xs.map(x => x.toPrecision(p)));
show('toPrecision(undefined)', (123.456).toPrecision(undefined));
show('toPrecision(2.9)', (123.456).toPrecision(2.9));
show('small numbers switch to exponential', [(0.000001234).toPrecision(2), (0.0000001234).toPrecision(2), (123456).toPrecision(2), (123456).toPrecision(6), (123456).toPrecision(7)]);
for (const p of [0, -1, 101, Infinity, NaN]) attempt('toPrecision(' + fmt(p) + ')', () => (1).toPrecision(p));
show('non-finite ignores range', [NaN.toPrecision(0), Infinity.toPrecision(1000)]);
attempt('toExponential.call(true)', () => Number.prototype.toExponential.call(true));
attempt('toPrecision.call(null)', () => Number.prototype.toPrecision.call(null));
const log = [];
show('NaN converts digits', (() => { NaN.toExponential({ valueOf() { log.push('digits'); return 500; } }); return log; })());
NaN.toPrecision({ valueOf() { log.push('precision'); return 500; } });
show('NaN converts precision too', log);
show('lengths', [Number.prototype.toExponential.length, Number.prototype.toPrecision.length]);
