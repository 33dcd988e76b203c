// nesting deeper than depth 2 prints [Object] / [Array] / [ClassName]
console.log({ a: { b: { c: { d: 1 } } } });
console.log({ a: { b: { c: {} } } });
console.log({ a: { b: { c: [] } } });
console.log({ a: { b: { c: [1] } } });
console.log([[[[1]]]]);
console.log([[[[]]]]);
console.log([[[{}]]]);
class Foo { constructor() { this.x = 1; } }
console.log({ a: { b: { c: new Foo() } } });
console.log({ a: { b: { c: Object.create(null) } } });
const nullWithKey = Object.create(null); nullWithKey.k = 1;
console.log({ a: { b: { c: nullWithKey } } });
console.log({ a: { b: { c: function f() {} } } });
console.log({ a: { b: { fn: Object.assign(function g() {}, { p: 1 }) } } });
console.log({ l1: { l2: { l3: { l4: { l5: 1 } } }, other: 1 }, top: [1, [2, [3, [4]]]] });
class Bar { constructor() { this.y = { z: { w: 1 } }; } }
console.log(new Bar());
console.log([new Bar()]);
console.log({ a: { b: { c: [new Foo()] } } });
