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

// Number's constants, their attributes, and Number.parseFloat/parseInt
for (const name of ['MAX_VALUE', 'MIN_VALUE', 'NaN', 'POSITIVE_INFINITY', 'NEGATIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'EPSILON']) {
  const d = Object.getOwnPropertyDescriptor(Number, name);
  show(name, [d.value, d.writable, d.enumerable, d.configurable]);
}
show('EPSILON is 2**-52', Number.EPSILON === 2 ** -52);
show('1 + EPSILON > 1', 1 + Number.EPSILON > 1);
show('1 + EPSILON/2 === 1', 1 + Number.EPSILON / 2 === 1);
show('MAX_SAFE_INTEGER + 2', Number.MAX_SAFE_INTEGER + 2);
show('MAX_VALUE * 2', Number.MAX_VALUE * 2);
show('MIN_VALUE / 2', Number.MIN_VALUE / 2);
show('assignment ignored', (() => { Number.MAX_VALUE = 1; return Number.MAX_VALUE; })());
show('assignment in strict mode throws', (() => { 'use strict'; try { Number.EPSILON = 1; return 'no'; } catch (e) { return e.name; } })());
show('own names', Object.getOwnPropertyNames(Number));
show('prototype names', Object.getOwnPropertyNames(Number.prototype));
for (const s of ['3.14', '3.14abc', '  -2.5e3xyz', '.5', '-.5e-2', 'Infinityx', '-Infinity', 'infinity', '0x10', '1e1000', '1e-1000', '', 'abc', '+', '-0', '1.2.3', '\u00a01', '0.0000001', '123456789012345678901234567890']) {
  show('parseFloat(' + fmt(s) + ')', Number.parseFloat(s));
}
show('parseFloat(non-string)', [Number.parseFloat(1.5), Number.parseFloat(null), Number.parseFloat([2.5, 3]), Number.parseFloat({ toString() { return '7.5'; } })]);
for (const [s, r] of [['42', undefined], ['  42px', undefined], ['0x1F', undefined], ['0x1F', 16], ['1F', 16], ['0x1F', 10], ['101', 2], ['777', 8], ['z', 36], ['Z', 36], ['10', 37], ['10', 1], ['10', 0], ['10', -1], ['-12', undefined], ['+12', undefined], ['', undefined], ['abc', undefined], ['0.9', undefined], ['1e3', undefined], ['123', 4.9], ['11', '2'], ['9007199254740993', undefined], ['  -0', undefined]]) {
  show('parseInt(' + fmt(s) + ', ' + fmt(r) + ')', Number.parseInt(s, r));
}
show('parseInt(non-string)', [Number.parseInt(4.7), Number.parseInt(-0.0000001), Number.parseInt(1e21), Number.parseInt(null), Number.parseInt(null, 36)]);
show('parse lengths', [Number.parseFloat.length, Number.parseInt.length]);
show('parse names', [Number.parseFloat.name, Number.parseInt.name]);
attempt('parseInt(Symbol())', () => Number.parseInt(Symbol()));
const log = [];
Number.parseInt({ toString() { log.push('string'); return '1'; } }, { valueOf() { log.push('radix'); return 10; } });
show('parseInt conversion order', log);
