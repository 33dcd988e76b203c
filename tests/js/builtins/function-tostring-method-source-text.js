// Function.prototype.toString of a method is the MethodDefinition's source text (ECMA-262
// 20.2.3.5): its name and modifiers (get, set, async, *) included, `static` not; a class
// constructor's is the whole class.
const k = "kk", s = Symbol("sy");
class A { m() {} static s(a, b) { return a; } get x() { return 1; } set x(v) {} static get y() { return 2; }
  async am() {} *g() {} async *ag() {} [k]() {} [s]() {} 'str'(){} 42() {} 1.5e3() {}
  static /* c */ async * sag () {} static
  nl() {} }
const o = { m() {}, get x() { return 1; }, set x(v) {}, async am() {}, *g() {}, async *ag() {},
  [k]() {}, f: function () {}, a: () => 1, 'q r'() {}, get [k + 2]() { return 0; }, 7() {} };
const d = (obj, key) => Object.getOwnPropertyDescriptor(obj, key);
const show = (label, f) => console.log(label + ": " + String(f));
show("class method", A.prototype.m);
show("static method", A.s);
show("getter", d(A.prototype, "x").get);
show("setter", d(A.prototype, "x").set);
show("static getter", d(A, "y").get);
show("async method", A.prototype.am);
show("generator method", A.prototype.g);
show("async generator method", A.prototype.ag);
show("computed key", A.prototype.kk);
show("symbol key", A.prototype[s]);
show("string key", A.prototype.str);
show("number key", A.prototype[42]);
show("number key 1.5e3", A.prototype[1500]);
show("static async generator with a comment", A.sag);
show("static on the line before", A.nl);
show("object method", o.m);
show("object getter", d(o, "x").get);
show("object setter", d(o, "x").set);
show("object async method", o.am);
show("object generator", o.g);
show("object async generator", o.ag);
show("object computed", o.kk);
show("function expression value", o.f);
show("arrow value", o.a);
show("quoted key", o["q r"]);
show("computed getter", d(o, "kk2").get);
show("number key", o[7]);
console.log("names:", A.prototype[42].name, A.prototype[1500].name, o[7].name, d(A, "y").get.name);
show("class", A);
show("anonymous class", class {});
show("class with constructor", class B extends A { constructor() { super(); } });
class P { #p() { return 1; } static get(o) { return o.#p; } }
show("private method", P.get(new P()));
