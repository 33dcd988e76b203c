// ToPropertyDescriptor (ECMA-262 6.2.6.5) reads enumerable, configurable, value, writable, get,
// set in that order and checks each accessor as it reads it; V8's messages name the value.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("get: 1", () => Object.defineProperty({}, "a", { get: 1 }));
show("set: 1", () => Object.defineProperty({}, "a", { set: 1 }));
show("get: {}", () => Object.defineProperty({}, "a", { get: {} }));
show("set: 'abc'", () => Object.defineProperty({}, "a", { set: "abc" }));
show("get: null", () => Object.defineProperty({}, "a", { get: null }));
show("get: undefined is allowed", () => typeof Object.defineProperty({}, "a", { get: undefined }));
show("get and value", () => Object.defineProperty({}, "a", { get() {}, value: 1 }));
show("set and writable", () => Object.defineProperty({}, "a", { set(v) {}, writable: false }));
show("get undefined and value", () => Object.defineProperty({}, "a", { get: undefined, value: 1 }));
show("descriptor is a number", () => Object.defineProperty({}, "a", 1));
show("descriptor is a string", () => Object.defineProperty({}, "a", "x"));
show("target is not an object", () => Object.defineProperty(1, "a", {}));
show("Object.create with get: 1", () => Object.create(null, { a: { get: 1 } }));
show("Reflect.defineProperty with get: 1", () => Reflect.defineProperty({}, "a", { get: 1 }));
show("Reflect.defineProperty with get and value", () => Reflect.defineProperty({}, "a", { get() {}, value: 1 }));
const order = [];
const traced = {};
for (const k of ["set", "get", "writable", "value", "configurable", "enumerable"])
  Object.defineProperty(traced, k, { get() { order.push(k); return k === "get" || k === "set" ? undefined : true; }, enumerable: true });
show("fields read in order", () => { try { Object.defineProperty({}, "a", traced); } catch (e) { order.push(e.message.slice(0, 28)); } return order.join(); });
