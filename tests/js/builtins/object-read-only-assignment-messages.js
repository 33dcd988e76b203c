"use strict";
// In strict code OrdinarySet's false is a TypeError (ECMA-262 10.1.9.2, 13.15.2): V8's message
// names the property and the receiver ("of function 'function Number() { [native code] }'").
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("Number.EPSILON", () => { Number.EPSILON = 1; });
show("Math.PI", () => { Math.PI = 3; });
show("frozen object", () => { Object.freeze({ a: 1 }).a = 2; });
show("frozen object, symbol key", () => { const s = Symbol("q"); const o = Object.freeze({ [s]: 1 }); o[s] = 2; });
show("frozen class instance", () => { class Foo { constructor() { this.a = 1; } } Object.freeze(new Foo()).a = 2; });
show("inherited read-only property", () => { const o = Object.create(Object.freeze({ a: 1 })); o.a = 2; });
show("function name", () => { function f() {} f.name = "x"; });
show("arrow with a read-only property", () => { const f = () => 1; Object.defineProperty(f, "q", { value: 1 }); f.q = 2; });
show("global undefined", () => { undefined = 1; });
show("global NaN", () => { NaN = 1; });
show("getter without a setter", () => { const o = { get x() { return 1; } }; o.x = 2; });
show("class getter without a setter", () => { class Foo { get x() { return 1; } } new Foo().x = 2; });
show("getter without a setter, symbol key", () => { const s = Symbol("g"); const o = { get [s]() { return 1; } }; o[s] = 2; });
show("non-extensible object", () => { Object.preventExtensions({}).x = 2; });
show("non-extensible object, symbol key", () => { Object.preventExtensions({})[Symbol("z")] = 2; });
show("primitive string property", () => { "ab".foo = "x"; });
show("primitive number property", () => { (5).foo = "x"; });
show("primitive boolean property", () => { true.foo = "x"; });
show("primitive symbol property", () => { Symbol("x").foo = 1; });
show("undefined base, symbol key", () => { undefined[Symbol("q")] = 1; });
show("read from undefined, symbol key", () => undefined[Symbol("q")]);
show("delete of a frozen object's property", () => { delete Object.freeze({ a: 1 }).a; });
show("delete of a non-configurable symbol", () => { const s = Symbol("g"); delete Object.freeze({ [s]: 1 })[s]; });
show("delete of a function's prototype", () => { delete function f() {}.prototype; });
show("delete of an array's length", () => { delete [1].length; });
show("'in' with a symbol on a primitive", () => Symbol("a") in 1);
