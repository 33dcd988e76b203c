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

// toFixed(digits): exact decimal rounding of the binary value, half away from zero
const cases = [[1.005, 2], [1.0049999999999999, 2], [2.5, 0], [-2.5, 0], [0.5, 0], [1.5, 0], [-1.5, 0], [1.45, 1], [1.55, 1], [8.345, 2], [8.335, 2], [0.000001, 7], [123.456, 0], [123.456, 1], [123.456, 5], [0, 2], [-0, 2], [-0.0001, 2], [-0.5, 0], [-0.4, 0], [1e20, 2], [1e21, 2], [-1e21, 2], [1.23e-10, 2], [0.1, 20], [0.3, 20], [1 / 3, 100], [2 ** 60, 0], [NaN, 2], [Infinity, 1], [-Infinity, 0], [5e-324, 100], [999.995, 2], [4.35, 1], [10.235, 2], [1.45, 0], [0.05, 1]];
for (const [x, d] of cases) show(fmt(x) + '.toFixed(' + d + ')', x.toFixed(d));
show('toFixed()', (1.5).toFixed());
show('toFixed(undefined)', (2.5).toFixed(undefined));
show('toFixed(1.9)', (1.234).toFixed(1.9));
show('toFixed("2")', (1.234).toFixed('2'));
show('toFixed(null)', (1.6).toFixed(null));
show('toFixed(NaN)', (1.6).toFixed(NaN));
for (const d of [-1, 101, Infinity, -Infinity]) attempt('toFixed(' + fmt(d) + ')', () => (1).toFixed(d));
attempt('NaN.toFixed(101) range first', () => NaN.toFixed(101));
attempt('toFixed.call("1.5")', () => Number.prototype.toFixed.call('1.5', 1));
show('toFixed.call(new Number(1.25), 1)', Number.prototype.toFixed.call(new Number(1.25), 1));
const log = [];
attempt('this checked before digits', () => Number.prototype.toFixed.call('x', { valueOf() { log.push('digits'); return 1; } }));
show('log', log);
show('toFixed.length', Number.prototype.toFixed.length);
show('money', [0.1 + 0.2, 19.99 * 3, 1.1 * 1.1].map(x => x.toFixed(2)));
