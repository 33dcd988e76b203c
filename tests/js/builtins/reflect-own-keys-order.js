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

// Reflect.ownKeys: integer keys ascending, then strings and symbols in creation order, all of them
const s1 = Symbol('first');
const s2 = Symbol('second');
const o = { b: 1, [s1]: 1, 10: 1, a: 1, 2: 1, [s2]: 1, '-1': 1, '01': 1, 1.5: 1, 4294967294: 1, 4294967295: 1 };
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
show('ownKeys', Reflect.ownKeys(o).map(String));
show('Object.keys has no symbols or hidden', Object.keys(o));
show('array', Reflect.ownKeys([1, , 3]).map(String));
show('array with props', (() => { const a = ['x']; a.prop = 1; a[Symbol.iterator] = null; return Reflect.ownKeys(a).map(String); })());
show('empty array', Reflect.ownKeys([]));
show('string object', Reflect.ownKeys(new String('abc')));
show('string object with prop', (() => { const s = new String('ab'); s.extra = 1; return Reflect.ownKeys(s); })());
show('function', Reflect.ownKeys(function f(a, b) {}).includes('length'));
show('class statics', Reflect.ownKeys(class { static m() {} static p = 1; }).filter(k => k !== 'arguments' && k !== 'caller'));
show('deleted keys vanish', (() => { const x = { a: 1, b: 2, c: 3 }; delete x.b; x.b = 4; return Reflect.ownKeys(x); })());
show('Object.prototype has constructor', Reflect.ownKeys(Object.prototype).includes('constructor'));
show('Reflect own keys', Reflect.ownKeys(Reflect).map(String));
show('Math symbols', Reflect.ownKeys(Math).filter(k => typeof k === 'symbol').map(String));
show('result is a fresh array', (() => { const x = {}; return Reflect.ownKeys(x) !== Reflect.ownKeys(x); })());
attempt('ownKeys(1)', () => Reflect.ownKeys(1));
attempt('ownKeys("str")', () => Reflect.ownKeys('str'));
attempt('ownKeys()', () => Reflect.ownKeys());
show('ownKeys.length', Reflect.ownKeys.length);
