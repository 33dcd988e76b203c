// property machinery: defineProperty, getters, freeze, Proxy traps, Reflect, Symbols, prototypes
const log = [];
const target = { a: 1 };
const p = new Proxy(target, {
  get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v) { log.push('set ' + String(k)); return Reflect.set(t, k, v * 2); },
  has(t, k) { return k === 'hidden' || k in t; },
  ownKeys(t) { return [...Reflect.ownKeys(t), 'virtual']; },
  getOwnPropertyDescriptor(t, k) { return k === 'virtual' ? { value: 0, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k); },
});
p.b = 2; console.log(p.a, p.b, 'hidden' in p, Object.keys(p), log);
const o = Object.create({ inherited: true }, { own: { value: 1, enumerable: false } });
Object.defineProperty(o, 'g', { get() { return 'got'; }, enumerable: true });
console.log(o.g, o.own, o.inherited, Object.keys(o), JSON.stringify(o), o.hasOwnProperty('inherited'));
const frozen = Object.freeze({ x: 1 }); frozen.x = 2; console.log(frozen.x, Object.isFrozen(frozen));
const sym = Symbol('s'); const withSym = { [sym]: 1, [Symbol.toPrimitive](h) { return h === 'number' ? 42 : 'str'; } };
console.log(+withSym, `${withSym}`, withSym + '', Object.getOwnPropertySymbols(withSym).length, sym.description);
const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
try { proxy.x; } catch (e) { console.log(e.name, e.message); }
