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

// Number.isInteger/isSafeInteger/isFinite/isNaN take numbers only; the global isNaN/isFinite convert
const values = [0, -0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e300, 5e-324, NaN, Infinity, -Infinity, '5', '', 'NaN', null, undefined, true, [], [5], {}, new Number(5)];
for (const v of values) {
  show(fmt(v), [Number.isInteger(v), Number.isSafeInteger(v), Number.isFinite(v), Number.isNaN(v), isFinite(v), isNaN(v)]);
}
show('no argument', [Number.isInteger(), Number.isSafeInteger(), Number.isFinite(), Number.isNaN()]);
show('not the global isNaN', Number.isNaN !== isNaN);
show('not the global isFinite', Number.isFinite !== isFinite);
show('lengths', [Number.isInteger.length, Number.isSafeInteger.length, Number.isFinite.length, Number.isNaN.length]);
show('names', [Number.isInteger.name, Number.isSafeInteger.name, Number.isFinite.name, Number.isNaN.name]);
const log = [];
Number.isNaN({ valueOf() { log.push('converted'); return NaN; } });
Number.isInteger({ valueOf() { log.push('converted'); return 1; } });
show('objects are not converted', log.length);
isNaN({ valueOf() { log.push('global converts'); return 1; } });
show('global converts', log);
attempt('isNaN(Symbol())', () => isNaN(Symbol()));
show('Number.isNaN(Symbol())', Number.isNaN(Symbol()));
