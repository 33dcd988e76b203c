// classes: private fields and methods, static blocks, accessors, super, new.target, #x in o
class Base {
  static count = 0;
  static { Base.count = 10; }
  #secret = 1;
  constructor(n) { this.n = n; Base.count++; console.log('Base', new.target.name); }
  get secret() { return this.#secret; }
  set secret(v) { this.#secret = v * 2; }
  #priv() { return this.n + this.#secret; }
  static has(o) { return #secret in o; }
  sum() { return this.#priv(); }
  toString() { return `Base(${this.n})`; }
}
class Derived extends Base {
  constructor() { super(5); this.extra = super.sum(); }
  sum() { return super.sum() * 10; }
}
const d = new Derived();
d.secret = 4;
console.log(d.secret, d.sum(), Base.has(d), Base.has({}), String(d), Base.count);
try { Base.prototype.sum.call({}); } catch (e) { console.log(e.constructor.name, e.message); }
