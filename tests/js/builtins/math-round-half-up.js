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

// Math.round rounds half up (toward +Infinity), keeps -0, and is exact near the limits
const xs = [0, -0, 0.4, 0.5, 0.6, 1.5, 2.5, 3.5, -0.4, -0.5, -0.6, -1.5, -2.5, -3.5, 0.49999999999999994, -0.49999999999999994, 0.5000000000000001, 1.4999999999999998, 2 ** 52, 2 ** 52 + 1, -(2 ** 52) - 1, 2 ** 53 - 1, 4503599627370495.5, -4503599627370495.5, 1e300, -1e-300, 5e-324, -5e-324, NaN, Infinity, -Infinity, '2.5', null, undefined, true, [], [3.5], { valueOf() { return -7.5; } }];
for (const x of xs) show('round(' + fmt(x) + ')', Math.round(x));
show('round()', Math.round());
for (const x of [1.1, 1.9, -1.1, -1.9, -0.1, 0.1, -0, 2 ** 53, NaN]) show('floor/ceil/trunc(' + fmt(x) + ')', [Math.floor(x), Math.ceil(x), Math.trunc(x)]);
show('ceil(-0.5) is -0', Object.is(Math.ceil(-0.5), -0));
show('trunc(-0.5) is -0', Object.is(Math.trunc(-0.5), -0));
show('round(-0.5) is -0', Object.is(Math.round(-0.5), -0));
show('round(-0) is -0', Object.is(Math.round(-0), -0));
show('round(0.4) is +0', Object.is(Math.round(0.4), 0));
show('toFixed disagrees at 2.5', [(2.5).toFixed(0), Math.round(2.5), (-2.5).toFixed(0), Math.round(-2.5)]);
