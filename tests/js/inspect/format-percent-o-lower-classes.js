// %o: showHidden lists the accessors of user prototypes, up to three layers
class A { get a() { return 1; } }
class B extends A { get b() { return 2; } set b(v) {} }
class C extends B { constructor() { super(); this.own = 0; } get c() { return 3; } }
class D extends C { get d() { return 4; } }
console.log('%o', new A());
console.log('%o', new C());
console.log('%o', new D());
class WithData {}
WithData.prototype.shared = 'on the prototype';
console.log('%o', new WithData());
class Shadowed { get x() { return 1; } constructor() { Object.defineProperty(this, 'x', { value: 2, enumerable: true }); } }
console.log('%o', new Shadowed());
console.log('%O', new C());
console.log('%o', { a: [1, 2, 3], s: new Set([1]), m: new Map([[1, { x: 1 }]]) });
console.log('%o', [new A()]);
