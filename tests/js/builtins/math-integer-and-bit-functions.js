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

// abs, sign, clz32, imul, fround, hypot and their conversions
show('abs', [-5, 5, -0, -Infinity, NaN, '-3', null, [-2], -(2 ** 53)].map(x => Math.abs(x)));
show('abs(-0) is +0', Object.is(Math.abs(-0), 0));
show('sign', [3, -3, 0, -0, NaN, Infinity, -Infinity, '-2', '', 0.001].map(x => Math.sign(x)));
show('sign keeps -0', Object.is(Math.sign(-0), -0));
show('clz32', [0, 1, 2, 3, 0x80000000, 0xffffffff, -1, 2 ** 32, 2 ** 32 + 1, 0.5, 1.9, NaN, Infinity, -Infinity, '16', null, 65535].map(x => Math.clz32(x)));
show('imul', [[2, 3], [-5, 12], [0xffffffff, 5], [0xfffffffe, 5], [2 ** 31, 2], [2 ** 16 + 1, 2 ** 16 + 1], [1.9, 2.9], [NaN, 5], [Infinity, 1], ['3', '4'], [-0, 5]].map(([a, b]) => Math.imul(a, b)));
show('imul vs *', [Math.imul(123456789, 987654321), 123456789 * 987654321]);
show('fround', [0, -0, 1, 1.1, 1.5, 5.5, 5.05, 1e40, -1e40, 1e-46, 2 ** 24 + 1, 2 ** -149, 2 ** -150, 3.4028235677973366e38, NaN, Infinity, 0.1, 1 / 3].map(x => Math.fround(x)));
show('fround(-0)', Object.is(Math.fround(-0), -0));
show('hypot', [[3, 4], [5, 12], [1, 1], [1, 1, 1], [], [0], [-0], [-3], [3, 4, 12], [Infinity, NaN], [NaN, Infinity], [NaN, 1], [1e200, 1e200], [1e-200, 1e-200], [0.1, 0.2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]].map(args => Math.hypot(...args)));
show('hypot(-0) is +0', Object.is(Math.hypot(-0), 0));
show('hypot("3", "4")', Math.hypot('3', '4'));
const log = [];
Math.hypot({ valueOf() { log.push('a'); return NaN; } }, { valueOf() { log.push('b'); return Infinity; } });
show('hypot converts every argument', log);
attempt('hypot(Symbol())', () => Math.hypot(Symbol()));
attempt('imul(1, Symbol())', () => Math.imul(1, Symbol()));
show('cbrt exact cubes', [1, 8, 27, 64, 125, 1000, -27, 0.001, 1e-300].map(x => Math.cbrt(x)));
show('sqrt', [4, 2, 0.25, 1e-310, 1e308, -0, -4].map(x => Math.sqrt(x)));
