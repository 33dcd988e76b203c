// util.format %s: String() for primitives, -0 kept, objects with a builtin toString inspected at depth 0
console.log('%s', 'text');
console.log('%s', 42);
console.log('%s', -0);
console.log('%s', 0.1);
console.log('%s', NaN);
console.log('%s', Infinity);
console.log('%s', true);
console.log('%s', null);
console.log('%s', undefined);
console.log('%s', Symbol('sym'));
console.log('%s', Symbol());
console.log('%s', { a: 1 });
console.log('%s', { a: { b: { c: 1 } } });
console.log('%s', [1, 2, 3]);
console.log('%s', [1, [2, [3]]]);
console.log('%s', []);
console.log('%s', {});
console.log('%s', { toString() { return 'custom'; } });
class Point { constructor() { this.x = 1; } toString() { return 'Point!'; } }
console.log('%s', new Point());
class Plain { constructor() { this.y = 2; } }
console.log('%s', new Plain());
console.log('%s', function foo() { return 1; });
console.log('%s', () => 2);
console.log('%s and %s', 'a', 'b');
console.log('%s:%s', 'only');
console.log('x%sy', 'MID');
console.log('%s', 'a', 'extra', 3);
console.log('%s', 'it\'s');
console.log('%s', new Number(5));
console.log('%s', new String('boxed'));
console.log('%s', [undefined, null]);
console.log('%s', { s: 'str', n: -0 });
