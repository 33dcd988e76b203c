// util.format: a first argument that is not a string: every argument inspected, strings raw
console.log(1, 'two', 3);
console.log({ a: 1 }, 'str', [1, 2]);
console.log(null, undefined, true);
console.log(-0, 0, NaN);
console.log(Symbol('s'), 'plain');
console.log([ 'inner string' ], 'outer string');
console.log(1, '%s', 'x');
console.log({}, {}, []);
console.log(undefined);
console.log(function f() {});
console.log(5, { nested: { obj: { deep: { deeper: 1 } } } });
