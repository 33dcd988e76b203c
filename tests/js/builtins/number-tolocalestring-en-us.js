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

// toLocaleString(): Node's default ICU formats en-US: grouping, at most 3 fraction digits, half up
const xs = [0, -0, 1, -1, 12, 123, 1234, 12345, 123456, 1234567, 1234.5, 1234.5678, -1234.5678, 0.1, 0.25, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0005, 1.0015, 2.0005, 0.0005, 0.00049, -0.0001, 999.9995, 999.9994, -999.9995, 1e21, 1.5e21, 123456789.987654, 1e-7, 5e-324, 1.7976931348623157e308, 8.345, 4.35, 1.1115, 9.9995, 99999.9999, 2 ** 53, NaN, Infinity, -Infinity];
for (const x of xs) show(fmt(x), x.toLocaleString());
show('en-US locale', (1234.5).toLocaleString('en-US'));
show('en locale', (1234.5).toLocaleString('en'));
show('undefined locale', (1234.5).toLocaleString(undefined));
for (const opts of [{ minimumFractionDigits: 2 }, { maximumFractionDigits: 0 }, { maximumFractionDigits: 1 }, { minimumFractionDigits: 2, maximumFractionDigits: 2 }, { minimumFractionDigits: 5 }, { maximumFractionDigits: 20 }, { useGrouping: false }, { minimumFractionDigits: 2.7 }, {}]) {
  show(Object.keys(opts).map(k => k + '=' + opts[k]).join(' ') || '{}', [1234.5678, 0.5, 8.345, 1, -0.004, 1 / 3].map(x => x.toLocaleString('en-US', opts)));
}
for (const opts of [{ maximumFractionDigits: 21 }, { minimumFractionDigits: -1 }, { minimumFractionDigits: 3, maximumFractionDigits: 1 }, { maximumFractionDigits: 'x' }, { minimumFractionDigits: 21 }]) {
  attempt(Object.keys(opts).map(k => k + '=' + opts[k]).join(' '), () => (1).toLocaleString('en-US', opts));
}
show('wrapper', new Number(1234567.891).toLocaleString());
attempt('toLocaleString.call("1")', () => Number.prototype.toLocaleString.call('1'));
attempt('toLocaleString.call([])', () => Number.prototype.toLocaleString.call([]));
show('toLocaleString.length', Number.prototype.toLocaleString.length);
show('array of numbers', [1234.5, 6789.25].toLocaleString());
