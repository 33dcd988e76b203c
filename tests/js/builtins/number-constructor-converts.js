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

// Number(value) converts (ToNumber); new Number(value) wraps
for (const v of [undefined, null, true, false, 0, -0, '', ' ', '42', ' 42 ', '\n\t42\n', '4 2', '42px', '0x1F', '0X1f', '0b101', '0o17', '017', '-0x1F', '+0x1F', '1e3', '1E-3', '.5', '5.', '+.5', '-.5', '.', 'e3', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'NaN', '1_000', '12e', '0.0000001', '1.7976931348623157e308', '1.8e308', '5e-324', '2e-324', '\u00a042\u00a0', [], [7], [1, 2], ['8'], {}, { valueOf() { return 3; } }, { toString() { return '9'; } }, { valueOf() { return '11'; }, toString() { return '12'; } }, new Number(5), new String('6'), new Boolean(true)]) {
  show('Number(' + fmt(v) + ')', Number(v));
}
show('Number()', Number());
show('Number(undefined) vs Number()', [Number(undefined), Number()]);
attempt('Number(Symbol())', () => Number(Symbol()));
attempt('Number({valueOf: {}, toString: {}})', () => Number({ valueOf: {}, toString: {} }));
attempt('Number(Object.create(null))', () => Number(Object.create(null)));
const w = new Number(42);
show('typeof new Number(42)', typeof w);
show('valueOf', w.valueOf());
show('w + 1', w + 1);
show('w == 42', w == 42);
show('w === 42', w === 42);
show('toString tag', Object.prototype.toString.call(w));
show('new Number() value', new Number().valueOf());
show('new Number("0x10")', new Number('0x10').valueOf());
show('Number.length', Number.length);
show('Number.name', Number.name);
show('Number.prototype is a Number', Object.prototype.toString.call(Number.prototype));
show('Number.prototype value', Number.prototype.valueOf());
show('Number.prototype.constructor', Number.prototype.constructor === Number);
class Meters extends Number {
  label() { return this.valueOf() + 'm'; }
}
const m = new Meters(3);
show('subclass', [m.label(), m instanceof Number, m instanceof Meters, m + 1]);
show('Number as function on wrapper', Number(new Meters(8)));
// conversion order of valueOf and toString
const log = [];
Number({ valueOf() { log.push('valueOf'); return {}; }, toString() { log.push('toString'); return '5'; } });
show('order', log);
show('Symbol.toPrimitive', Number({ [Symbol.toPrimitive](hint) { return hint === 'number' ? 77 : 0; } }));
