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

// Every Array function: its length, its name, its attributes, and the order V8 defines them in
show('Array own names', Object.getOwnPropertyNames(Array));
show('Array.prototype own names', Object.getOwnPropertyNames(Array.prototype));
const lengths = [];
for (const name of Object.getOwnPropertyNames(Array.prototype)) {
  const v = Array.prototype[name];
  if (typeof v === 'function' && name !== 'constructor') lengths.push(name + ':' + v.length + ':' + (v.name === name));
}
show('prototype lengths and names', lengths);
show('statics', ['isArray', 'from', 'of'].map(n => n + ':' + Array[n].length + ':' + Array[n].name));
const d = Object.getOwnPropertyDescriptor(Array.prototype, 'map');
show('method attributes', [d.writable, d.enumerable, d.configurable]);
const dl = Object.getOwnPropertyDescriptor(Array.prototype.map, 'length');
show('length attributes', [dl.value, dl.writable, dl.enumerable, dl.configurable]);
const dn = Object.getOwnPropertyDescriptor(Array.prototype.map, 'name');
show('name attributes', [dn.value, dn.writable, dn.enumerable, dn.configurable]);
const dp = Object.getOwnPropertyDescriptor(Array, 'prototype');
show('Array.prototype attributes', [dp.writable, dp.enumerable, dp.configurable]);
const ds = Object.getOwnPropertyDescriptor(Array, Symbol.species);
show('species attributes', [typeof ds.get, ds.set, ds.enumerable, ds.configurable]);
const di = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
show('@@iterator attributes', [di.value === Array.prototype.values, di.writable, di.enumerable, di.configurable]);
show('no method is enumerable', (() => { const keys = []; for (const k in []) keys.push(k); return keys; })());
show('methods are not constructors', (() => {
  const out = [];
  for (const name of ['map', 'push', 'forEach', 'at', 'values']) {
    try { new Array.prototype[name](); out.push(name + ' constructed'); } catch (e) { out.push(e.message); }
  }
  return out;
})());
show('Array is a constructor', typeof new Array() === 'object');
show('Array.prototype is an array', Array.isArray(Array.prototype));
show('Array.prototype proto', Object.getPrototypeOf(Array.prototype) === Object.prototype);
show('Array proto', Object.getPrototypeOf(Array) === Function.prototype);
show('toString tag', Object.prototype.toString.call([]));
show('typeof methods', typeof Array.prototype.flatMap);
show('isArray of prototype methods', Array.isArray(Array.prototype.map));
show('function toString', String(Array.prototype.map));
show('Array toString', String(Array));
