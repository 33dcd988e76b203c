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

// Number.prototype.toString(radix): shortest round-trip digits in base 10, V8's digits elsewhere
const xs = [0, -0, 1, -1, 10, 255, -255, 0.5, 0.1, 0.2, 1 / 3, -1 / 3, 3.75, 1e21, 1e-7, 123.456, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e300, 5e-324, Math.PI, NaN, Infinity, -Infinity];
for (const radix of [undefined, 2, 8, 10, 16, 36, 3, 7]) {
  show('radix ' + fmt(radix), xs.map(x => x.toString(radix)));
}
show('radix "16"', (255).toString('16'));
show('radix 16.9', (255).toString(16.9));
show('radix {valueOf}', (255).toString({ valueOf() { return 2; } }));
for (const r of [0, 1, 37, -1, NaN, Infinity, 100, null]) attempt('toString(' + fmt(r) + ')', () => (10).toString(r));
show('on a wrapper', new Number(255).toString(16));
show('String(number) is radix 10', [String(0.1 + 0.2), String(1e21), String(1e-7), String(-1e-7), String(123e-20), String(2 ** 70)]);
show('number + ""', [1.5e300 + '', 4.35 + '', 0.000001 + '', 1e-6 + '']);
attempt('toString.call("1")', () => Number.prototype.toString.call('1'));
attempt('toString.call({})', () => Number.prototype.toString.call({}));
attempt('toString.call(null)', () => Number.prototype.toString.call(null));
show('toString.call(new Number(7))', Number.prototype.toString.call(new Number(7)));
attempt('radix checked after this', () => Number.prototype.toString.call('x', 99));
const log = [];
attempt('radix converted once', () => (5).toString({ valueOf() { log.push('radix'); return 50; } }));
show('log', log);
show('toString.length', Number.prototype.toString.length);
show('valueOf', [(5).valueOf(), new Number(-0).valueOf(), Number.prototype.valueOf.call(6)]);
attempt('valueOf.call("5")', () => Number.prototype.valueOf.call('5'));
attempt('valueOf.call(new String("5"))', () => Number.prototype.valueOf.call(new String('5')));
show('valueOf.length', Number.prototype.valueOf.length);
