// class instances: the constructor name before the braces
class Foo {}
class Bar { constructor() { this.x = 1; this.y = 'two'; } }
class Baz extends Bar { constructor() { super(); this.z = [3]; } }
console.log(new Foo());
console.log(new Bar());
console.log(new Baz());
console.log([new Foo(), new Bar()]);
console.log({ inst: new Baz() });
function Legacy() { this.v = 1; }
console.log(new Legacy());
function Empty() {}
console.log(new Empty());
const anon = new (class {})();
console.log(anon);
const anonWithProp = new (class { constructor() { this.p = 1; } })();
console.log(anonWithProp);
class WithStatic {}
WithStatic.s = 1;
console.log(new WithStatic());
const o = Object.create(Bar.prototype);
console.log(o);
class Fields { constructor() { this.a = 1; this.b = { c: 3 }; } }
console.log(new Fields());
const proto = { constructor: function Named() {} };
console.log(Object.create(proto));
const weird = Object.create({});
console.log(weird);
class Accessors { get g() { return 1; } set s(v) {} method() {} }
console.log(new Accessors());
