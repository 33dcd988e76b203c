// A function's own `length` and `name` (ECMA-262 SetFunctionLength, SetFunctionName): present,
// first in key order, non-writable and configurable, whatever is done to the function first
// (read, listed, extended, deleted, redefined, frozen, sealed, made non-extensible).  loopsim
// puts an arrow's or a method's two properties in place only when one of these happens.
const f = () => 1, g = function named(a, b) {}, h = async (x) => x;
console.log('read', f.name, f.length, g.name, g.length, h.name, h.length);
const k = (a, b, c) => 0;
console.log('listed', Object.getOwnPropertyNames(k), Object.keys(k),
            JSON.stringify(Object.getOwnPropertyDescriptor(k, 'name')),
            JSON.stringify(Object.getOwnPropertyDescriptor(k, 'length')));
const m = (x) => x;
m.extra = 1;
console.log('extended', Object.getOwnPropertyNames(m), m.name);
const d = () => 0;
console.log('deleted', delete d.name, d.name, Object.getOwnPropertyNames(d));
const z = () => 0;
Object.freeze(z);
console.log('frozen', Object.isFrozen(z), Object.getOwnPropertyDescriptor(z, 'length').configurable);
const y = () => 0;
Object.preventExtensions(y);
console.log('not extensible', Object.isFrozen(y), Object.isSealed(y));
const s = (a) => 0;
Object.seal(s);
console.log('sealed', Object.isSealed(s), Object.isFrozen(s), delete s.length, s.length);
const obj = { meth(a, b) {}, async am() {}, *gen() {} };
console.log('methods', obj.meth.name, obj.meth.length, obj.meth.hasOwnProperty('name'),
            Object.hasOwn(obj.am, 'length'), Reflect.ownKeys(obj.gen));
const w = () => 0;
Object.defineProperty(w, 'name', { value: 'renamed' });
console.log('redefined', w.name, Object.getOwnPropertyNames(w));
const assigned = () => 0;
assigned.name = 'x';
assigned.length = 9;
console.log('assigned', assigned.name, assigned.length);
console.log('in', 'name' in f, 'length' in f, 'call' in f, Reflect.has(f, 'name'));
const bound = ((a, b) => a).bind(null, 1);
console.log('bound', bound.name, bound.length);
class C { static s() {} m() {} }
console.log('class', C.name, C.s.name, new C().m.name, Object.getOwnPropertyNames(C));
const o2 = { ['x' + 1]: () => 0 };
console.log('computed', o2.x1.name);
console.log('printed', f, k, m);
const many = [];
for (let i = 0; i < 3; i++) many.push(() => i);
many[1].tag = 't';
console.log('each its own', many.map(fn => Object.getOwnPropertyNames(fn).join('+')).join(' '));
