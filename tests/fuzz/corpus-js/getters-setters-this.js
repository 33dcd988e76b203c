// accessors on objects and classes, this binding, bind/call/apply, arrow this, method shorthand
const counter = { _n: 0, get n() { return this._n; }, set n(v) { this._n = v; }, inc() { this.n++; return this; } };
console.log(counter.inc().inc().n);
function show() { return this && this.name; }
const bound = show.bind({ name: 'bound' });
console.log(bound(), bound.call({ name: 'other' }), show.apply({ name: 'applied' }), bound.name, bound.length);
const obj = { name: 'obj', arrow: () => typeof this, regular() { return [1].map(() => this.name); } };
console.log(obj.arrow(), obj.regular(), new (function F() { this.x = 1; })().x);
function Legacy(x) { if (!(this instanceof Legacy)) return new Legacy(x); this.x = x; }
Legacy.prototype.get = function () { return this.x; };
console.log(Legacy(5).get(), Object.getPrototypeOf(Legacy(1)) === Legacy.prototype, typeof Legacy.prototype.constructor);
