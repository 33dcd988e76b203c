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

// The Math object: an ordinary object with functions and read-only constants, not callable
show('typeof Math', typeof Math);
show('toString tag', Object.prototype.toString.call(Math));
show('String(Math)', String(Math));
show('prototype', Object.getPrototypeOf(Math) === Object.prototype);
show('own names', Object.getOwnPropertyNames(Math));
const tag = Object.getOwnPropertyDescriptor(Math, Symbol.toStringTag);
show('@@toStringTag attributes', [tag.value, tag.writable, tag.enumerable, tag.configurable]);
const lengths = [];
for (const name of Object.getOwnPropertyNames(Math)) if (typeof Math[name] === 'function') lengths.push(name + ':' + Math[name].length + ':' + (Math[name].name === name));
show('lengths and names', lengths);
for (const name of ['PI', 'E', 'SQRT2']) {
  const d = Object.getOwnPropertyDescriptor(Math, name);
  show(name + ' attributes', [d.writable, d.enumerable, d.configurable]);
}
const fd = Object.getOwnPropertyDescriptor(Math, 'max');
show('function attributes', [fd.writable, fd.enumerable, fd.configurable]);
show('assignment to PI ignored', (() => { Math.PI = 3; return Math.PI; })());
show('functions can be replaced', (() => { const old = Math.abs; Math.abs = () => 'patched'; const r = Math.abs(-1); Math.abs = old; return [r, Math.abs(-1)]; })());
attempt('Math()', () => Math());
attempt('new Math()', () => new Math());
attempt('new Math.max()', () => new Math.max());
attempt('new Math.random()', () => new Math.random());
show('for-in finds nothing', (() => { const k = []; for (const p in Math) k.push(p); return k; })());
show('keys', Object.keys(Math));
show('random is a number in [0, 1)', (() => { for (let i = 0; i < 1000; i++) { const r = Math.random(); if (typeof r !== 'number' || !(r >= 0 && r < 1)) return false; } return true; })());
show('random varies', (() => { const first = Math.random(); for (let i = 0; i < 100; i++) if (Math.random() !== first) return true; return false; })());
show('random ignores arguments', typeof Math.random(1, 2, 3));
show('functions are not bound', Math.max.call(null, 1, 2));
show('function source', String(Math.max));
