// util.format %o: showHidden, depth 4
console.log('%o', { a: 1, b: 'two' });
console.log('%o', { a: { b: { c: { d: { e: { f: 1 } } } } } });
console.log('%o', 'str');
console.log('%o', 42);
console.log('%o', null);
console.log('%o', [1, 2]);
console.log('%o', []);
const o = {};
Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
o.shown = 2;
console.log('%o', o);
class WithGetter { constructor() { this.x = 1; } get g() { return 1; } method() {} }
console.log('%o', new WithGetter());
console.log('%o', { f: 1, arr: ['a'] });
console.log('%o', [[1, [2, [3, [4, [5]]]]]]);
