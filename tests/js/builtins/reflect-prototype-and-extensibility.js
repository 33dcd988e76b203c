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

// Reflect.getPrototypeOf/setPrototypeOf/isExtensible/preventExtensions/has/getOwnPropertyDescriptor
const proto = { inherited: 1 };
const o = Object.create(proto);
show('getPrototypeOf', Reflect.getPrototypeOf(o) === proto);
show('null prototype', Reflect.getPrototypeOf(Object.create(null)));
show('array prototype', Reflect.getPrototypeOf([]) === Array.prototype);
attempt('getPrototypeOf(1)', () => Reflect.getPrototypeOf(1));
attempt('getPrototypeOf(null)', () => Reflect.getPrototypeOf(null));
const target = {};
show('setPrototypeOf', Reflect.setPrototypeOf(target, proto));
show('took effect', target.inherited);
show('setPrototypeOf null', Reflect.setPrototypeOf(target, null));
show('now', [Reflect.getPrototypeOf(target), target.inherited]);
show('same prototype on non-extensible', Reflect.setPrototypeOf(Object.preventExtensions(Object.create(proto)), proto));
show('other prototype on non-extensible', Reflect.setPrototypeOf(Object.preventExtensions({}), proto));
const a = {};
const b = Object.create(a);
show('cycle', Reflect.setPrototypeOf(a, b));
show('self', Reflect.setPrototypeOf(a, a));
show('unchanged', Reflect.getPrototypeOf(a) === Object.prototype);
attempt('setPrototypeOf(o, 1)', () => Reflect.setPrototypeOf({}, 1));
attempt('setPrototypeOf(o, "x")', () => Reflect.setPrototypeOf({}, 'x'));
attempt('setPrototypeOf(o)', () => Reflect.setPrototypeOf({}));
attempt('setPrototypeOf(1, null)', () => Reflect.setPrototypeOf(1, null));
attempt('setPrototypeOf(o, Symbol("q"))', () => Reflect.setPrototypeOf({}, Symbol('q')));
// extensibility
const e = {};
show('isExtensible', Reflect.isExtensible(e));
show('preventExtensions', Reflect.preventExtensions(e));
show('isExtensible after', Reflect.isExtensible(e));
show('preventExtensions again', Reflect.preventExtensions(e));
show('frozen', Reflect.isExtensible(Object.freeze({})));
show('sealed', Reflect.isExtensible(Object.seal({})));
show('adding fails quietly', (() => { e.x = 1; return e.x; })());
show('array', (() => { const arr = [1]; Reflect.preventExtensions(arr); arr.push; return [Reflect.isExtensible(arr), Object.isFrozen(arr)]; })());
attempt('isExtensible(1)', () => Reflect.isExtensible(1));
attempt('preventExtensions(1)', () => Reflect.preventExtensions(1));
// has
show('has own', Reflect.has({ x: 1 }, 'x'));
show('has inherited', Reflect.has(o, 'inherited'));
show('has toString', Reflect.has({}, 'toString'));
show('has missing', Reflect.has({}, 'missing'));
show('has array index', [Reflect.has([1, , 3], 1), Reflect.has([1, , 3], 2), Reflect.has([], 'length')]);
show('has symbol', Reflect.has({ [Symbol.iterator]: 1 }, Symbol.iterator));
show('has key conversion', Reflect.has({ 1: 1 }, 1));
attempt('has(1, "x")', () => Reflect.has(1, 'x'));
attempt('has("str", "length")', () => Reflect.has('str', 'length'));
// getOwnPropertyDescriptor
const fmtDesc = dsc => dsc === undefined ? 'undefined' : Object.keys(dsc).map(k => k + '=' + (typeof dsc[k] === 'function' ? 'fn' : String(dsc[k]))).join(' ');
show('gOPD data', fmtDesc(Reflect.getOwnPropertyDescriptor({ x: 1 }, 'x')));
show('gOPD accessor', fmtDesc(Reflect.getOwnPropertyDescriptor({ get y() { return 1; } }, 'y')));
show('gOPD inherited', fmtDesc(Reflect.getOwnPropertyDescriptor(o, 'inherited')));
show('gOPD array length', fmtDesc(Reflect.getOwnPropertyDescriptor([1, 2], 'length')));
show('gOPD array element', fmtDesc(Reflect.getOwnPropertyDescriptor([1, 2], 1)));
show('gOPD frozen', fmtDesc(Reflect.getOwnPropertyDescriptor(Object.freeze({ z: 1 }), 'z')));
attempt('gOPD(1, "x")', () => Reflect.getOwnPropertyDescriptor(1, 'x'));
attempt('gOPD("str", 0)', () => Reflect.getOwnPropertyDescriptor('str', 0));
show('lengths', [Reflect.getPrototypeOf.length, Reflect.setPrototypeOf.length, Reflect.isExtensible.length, Reflect.preventExtensions.length, Reflect.has.length, Reflect.getOwnPropertyDescriptor.length]);
show('Reflect', [typeof Reflect, Object.prototype.toString.call(Reflect), Object.getPrototypeOf(Reflect) === Object.prototype]);
attempt('Reflect()', () => Reflect());
attempt('new Reflect.get()', () => new Reflect.get({}, 'x'));
const tag = Object.getOwnPropertyDescriptor(Reflect, Symbol.toStringTag);
show('@@toStringTag', [tag.value, tag.writable, tag.enumerable, tag.configurable]);
show('names', Object.getOwnPropertyNames(Reflect).map(n => n + ':' + Reflect[n].name));
