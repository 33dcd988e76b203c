// Methods, getters, setters, arrows, async functions and generators have no [[Construct]]
// (ECMA-262 15.4.4 DefineMethod, 10.2.3 OrdinaryFunctionCreate): `new` throws a TypeError.
function show(label, f) {
  try { const r = f(); console.log(label + ": constructed " + typeof r); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
const k = "computed";
const o = {
  m() {}, async am() {}, *g() {}, async *ag() {}, [k]() {},
  get x() { return 1; }, set x(v) {},
  f: function () {}, arrow: () => 1,
};
class C { m() {} static s() {} get y() { return 1; } set y(v) {} async am() {} *g() {} }
const getter = Object.getOwnPropertyDescriptor(o, "x").get;
const setter = Object.getOwnPropertyDescriptor(o, "x").set;
const classGetter = Object.getOwnPropertyDescriptor(C.prototype, "y").get;
const classSetter = Object.getOwnPropertyDescriptor(C.prototype, "y").set;
const proto = C.prototype;
show("object method", () => new o.m());
show("object async method", () => new o.am());
show("object generator method", () => new o.g());
show("object async generator method", () => new o.ag());
show("object computed method", () => new o.computed());
show("object getter", () => new getter());
show("object setter", () => new setter());
show("property holding a function expression", () => new o.f());
show("property holding an arrow", () => new o.arrow());
show("class method", () => new proto.m());
show("static method", () => new C.s());
show("class getter", () => new classGetter());
show("class setter", () => new classSetter());
show("class async method", () => new proto.am());
show("class generator method", () => new proto.g());
show("class itself", () => new C());
const bound = o.m.bind(null);
show("bound method", () => new bound());
show("Reflect.construct of a method", () => Reflect.construct(o.m, []));
show("class extends a method", () => { class D extends o.m {} return D; });
console.log("prototype property:", "prototype" in o.m, "prototype" in getter, "prototype" in o.f,
  "prototype" in proto.m, "prototype" in o.g);
console.log("own keys of a method:", Object.getOwnPropertyNames(o.m).join());
// methods still get [[HomeObject]]: super works in object literal methods and accessors
const sup = { __proto__: { hi() { return "base"; } }, hi() { return "derived+" + super.hi(); },
  get g() { return super.hi(); } };
console.log(sup.hi(), sup.g);
