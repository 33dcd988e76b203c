// OrdinarySetPrototypeOf (ECMA-262 10.1.2.1) refuses a non-extensible object and a cycle;
// Object.setPrototypeOf and the __proto__ setter throw V8's TypeErrors, Reflect returns false.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("cycle", () => { const a = {}, b = Object.create(a); Object.setPrototypeOf(a, b); });
show("itself", () => { const a = {}; Object.setPrototypeOf(a, a); });
show("non-extensible", () => Object.setPrototypeOf(Object.preventExtensions({}), {}));
show("non-extensible and a cycle", () => { const a = Object.preventExtensions({}); Object.setPrototypeOf(a, a); });
show("non-extensible, same prototype", () => { const p = {}; const o = Object.preventExtensions(Object.create(p)); return Object.setPrototypeOf(o, p) === o; });
show("non-extensible array", () => Object.setPrototypeOf(Object.preventExtensions([]), {}));
show("non-extensible instance", () => { class Foo {} Object.setPrototypeOf(Object.freeze(new Foo()), {}); });
show("primitive target", () => Object.setPrototypeOf(1, null));
show("undefined target", () => Object.setPrototypeOf(undefined, null));
show("prototype not an object", () => Object.setPrototypeOf({}, 1));
show("__proto__ cycle", () => { const a = {}, b = Object.create(a); a.__proto__ = b; });
show("__proto__ non-extensible", () => { const a = Object.preventExtensions({}); a.__proto__ = {}; });
show("__proto__ set to a number is ignored", () => { const a = {}; a.__proto__ = 5; return Object.getPrototypeOf(a) === Object.prototype; });
show("__proto__ setter on undefined", () => Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.call(undefined, {}));
show("__proto__ setter on a primitive", () => Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.call(1, {}));
show("Reflect.setPrototypeOf cycle", () => { const a = {}; return Reflect.setPrototypeOf(a, a); });
show("Reflect.setPrototypeOf non-extensible", () => Reflect.setPrototypeOf(Object.preventExtensions({}), {}));
show("a chain works", () => { const a = { x: 1 }, b = {}; Object.setPrototypeOf(b, a); return b.x; });
show("null prototype", () => Object.getPrototypeOf(Object.setPrototypeOf({}, null)));
