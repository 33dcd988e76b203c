// BigInt literals (ECMA-262 12.9.3 NumericLiteral with the n suffix): decimal, 0x, 0o, 0b, with
// separators; typeof "bigint", 0n falsy, wrapper objects, BigInt keys of object literals.
const S = (x) => String(x) + "n";
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("literals", () => [0n, 42n, 0x1Fn, 0XFFn, 0o17n, 0O7n, 0b101n, 0B11n, 1_000_000n, 0xFF_FFn, 0b1_0n].map(S).join());
show("a long literal", () => S(123456789012345678901234567890123456789n));
show("a long hex literal", () => S(0xfedcba9876543210fedcba9876543210n));
show("typeof", () => [typeof 1n, typeof Object(1n), typeof BigInt, typeof BigInt(1)].join());
show("truthiness", () => [!!0n, !!1n, !!-1n, 0n ? "y" : "n", 0n || "or", 1n && "and", !0n].join());
show("Boolean", () => [Boolean(0n), Boolean(2n ** 64n)].join());
show("keys of an object literal", () => { const o = { 1n: "a", 0x10n: "b", [2n]: "c" }; return Object.keys(o).join() + " " + o[1n] + o[16n] + o["2"]; });
show("destructuring a BigInt key", () => { const { 1n: one, 0x10n: sixteen } = { 1: "x", 16: "y" }; return one + sixteen; });
show("class members", () => { class C { 5n() { return "five"; } static 0b11n = "three"; } return new C()[5] + " " + C[3] + " " + C.prototype[5n].name; });
show("in and delete", () => { const o = { 1: 1 }; return [1n in o, delete o[1n], 1n in o].join(); });
show("wrapper", () => { const w = Object(10n); return [typeof w, S(w.valueOf()), w + 1n === 11n, w == 10n, w === 10n, w instanceof BigInt].join(); });
show("wrapper toString tag", () => Object.prototype.toString.call(Object(1n)) + Object.prototype.toString.call(1n));
show("BigInt.prototype", () => Reflect.ownKeys(BigInt.prototype).map(String).join() + " " + BigInt.prototype[Symbol.toStringTag]);
show("BigInt", () => Object.getOwnPropertyNames(BigInt).join() + " " + BigInt.name + " " + BigInt.length);
show("methods on a primitive", () => [(5n).toString(), 5n.valueOf() === 5n, (5n).constructor === BigInt].join());
show("strict property write on a primitive", () => { "use strict"; (1n).foo = 1; });
show("sloppy property write on a primitive", () => { const b = 1n; b.foo = 1; return b.foo; });
show("BigInt.prototype.valueOf on a Number", () => BigInt.prototype.valueOf.call(1));
show("BigInt.prototype.toString on an object", () => BigInt.prototype.toString.call({}));
show("async function result", () => { let r; (async () => 5n)().then((v) => { r = v; }); return typeof r; });
