// ValidateAndApplyPropertyDescriptor (ECMA-262 10.1.6.3): a non-configurable property may be
// "redefined" with what it already has (SameValue for values and accessors); anything else
// throws "Cannot redefine property".
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
const D = (o, k) => JSON.stringify(Object.getOwnPropertyDescriptor(o, k));
const frozen = () => Object.freeze({ a: 1 });
show("frozen, same value", () => D(Object.defineProperty(frozen(), "a", { value: 1 }), "a"));
show("frozen, empty descriptor", () => D(Object.defineProperty(frozen(), "a", {}), "a"));
show("frozen, all the same attributes", () => D(Object.defineProperty(frozen(), "a",
  { value: 1, writable: false, enumerable: true, configurable: false }), "a"));
show("frozen, another value", () => D(Object.defineProperty(frozen(), "a", { value: 2 }), "a"));
show("frozen, enumerable changed", () => D(Object.defineProperty(frozen(), "a", { enumerable: false }), "a"));
show("frozen, configurable: true", () => D(Object.defineProperty(frozen(), "a", { configurable: true }), "a"));
show("frozen, writable: true", () => D(Object.defineProperty(frozen(), "a", { writable: true }), "a"));
show("frozen, made an accessor", () => D(Object.defineProperty(frozen(), "a", { get() {} }), "a"));
const s = Symbol("q");
show("frozen symbol key, another value", () => Object.defineProperty(Object.freeze({ [s]: 1 }), s, { value: 2 }));
show("non-configurable writable: value changes", () => {
  const o = {}; Object.defineProperty(o, "a", { value: 1, writable: true });
  Object.defineProperty(o, "a", { value: 2 }); return D(o, "a"); });
show("non-configurable writable: made read-only with a value", () => {
  const o = {}; Object.defineProperty(o, "a", { value: 1, writable: true });
  Object.defineProperty(o, "a", { writable: false, value: 3 }); return D(o, "a"); });
show("NaN is the same value as NaN", () => {
  const o = {}; Object.defineProperty(o, "a", { value: NaN });
  Object.defineProperty(o, "a", { value: NaN }); return String(o.a); });
show("-0 is not the same value as 0", () => {
  const o = {}; Object.defineProperty(o, "a", { value: -0 });
  Object.defineProperty(o, "a", { value: 0 }); return "redefined"; });
const g = () => 1;
show("non-configurable accessor, same getter", () => {
  const o = {}; Object.defineProperty(o, "a", { get: g });
  Object.defineProperty(o, "a", { get: g }); return typeof Object.getOwnPropertyDescriptor(o, "a").get; });
show("non-configurable accessor, set: undefined again", () => {
  const o = {}; Object.defineProperty(o, "a", { get: g });
  Object.defineProperty(o, "a", { set: undefined }); return "same"; });
show("non-configurable accessor, another getter", () => {
  const o = {}; Object.defineProperty(o, "a", { get() {} });
  Object.defineProperty(o, "a", { get() {} }); return "redefined"; });
show("configurable accessor becomes data", () => {
  const o = { get a() { return 1; } }; Object.defineProperty(o, "a", { value: 5 }); return D(o, "a"); });
show("configurable data becomes accessor keeping enumerable", () => {
  const o = { a: 1 }; Object.defineProperty(o, "a", { get: g }); return D(o, "a") + " " + o.a; });
show("generic descriptor keeps an accessor", () => {
  const o = { get a() { return 7; } }; Object.defineProperty(o, "a", { enumerable: false }); return o.a + " " + Object.keys(o).length; });
show("frozen array element, same value", () => D(Object.defineProperty(Object.freeze([1]), 0, { value: 1 }), 0));
show("frozen array element, another value", () => Object.defineProperty(Object.freeze([1]), 0, { value: 2 }));
show("sealed array element, another value", () => D(Object.defineProperty(Object.seal([1]), 0, { value: 5 }), 0));
show("String object character, same", () => D(Object.defineProperty(new String("ab"), 0, { value: "a" }), 0));
show("String object character, another", () => Object.defineProperty(new String("ab"), 0, { value: "x" }));
show("String object length", () => Object.defineProperty(new String("ab"), "length", { value: 3 }));
show("array length shortened", () => { const a = [1, 2, 3]; Object.defineProperty(a, "length", { value: 1 }); return a.join() + "|" + a.length; });
show("array length invalid", () => Object.defineProperty([], "length", { value: -1 }));
show("sealed array length shortened", () => { const a = Object.seal([1, 2, 3]); Object.defineProperty(a, "length", { value: 1 }); });
show("frozen array length changed", () => Object.defineProperty(Object.freeze([1]), "length", { value: 0 }));
show("frozen array length, same", () => D(Object.defineProperty(Object.freeze([1]), "length", { value: 1 }), "length"));
show("array element made an accessor", () => { const a = [1, 2]; Object.defineProperty(a, 0, { get() { return "g"; } }); return a[0] + " " + a.join(); });
show("sealed function name", () => { const f = Object.seal(function h() {}); Object.defineProperty(f, "name", { value: "q" }); });
show("Reflect.defineProperty frozen, same value", () => Reflect.defineProperty(frozen(), "a", { value: 1 }));
show("Reflect.defineProperty frozen, another value", () => Reflect.defineProperty(frozen(), "a", { value: 2 }));
show("defineProperties reads every descriptor first", () => {
  const o = {}; try { Object.defineProperties(o, { a: { value: 1 }, b: { get: 1 } }); } catch (e) { return e.message + " / a defined: " + ("a" in o); } });
