// A new property on a non-extensible object is refused (ValidateAndApplyPropertyDescriptor
// step 2.a): Object.defineProperty throws, Reflect.defineProperty returns false.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
const D = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
show("new property", () => Object.defineProperty(Object.preventExtensions({}), "x", { value: 1 }));
show("new symbol property", () => Object.defineProperty(Object.preventExtensions({}), Symbol("q"), { value: 1 }));
show("new symbol without a description", () => Object.defineProperty(Object.preventExtensions({}), Symbol(), { value: 1 }));
show("existing property", () => D(Object.defineProperty(Object.preventExtensions({ x: 1 }), "x", { value: 2 }), "x"));
show("new array element", () => Object.defineProperty(Object.preventExtensions([1]), 3, { value: 1 }));
show("sealed object", () => Object.defineProperty(Object.seal({}), "y", { get() {} }));
show("defineProperties", () => Object.defineProperties(Object.preventExtensions({}), { a: { value: 1 } }));
show("Reflect.defineProperty", () => Reflect.defineProperty(Object.preventExtensions({}), "x", { value: 1 }));
show("Reflect.defineProperty still checks the descriptor", () => Reflect.defineProperty(Object.preventExtensions({}), "x", { get: 2 }));
show("extensible object", () => D(Object.defineProperty({}, "x", { value: 1 }), "x"));
