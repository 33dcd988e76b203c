// %o of collections: sizes, weak collections' entries (sorted), arrays' [length]
const key = { k: 1 };
console.log('%o', new Map([['a', 1], ['b', { c: 2 }]]));
console.log('%o', new Set(['x', 'y']));
console.log('%o', new WeakMap([[key, 'value']]));
console.log('%o', new WeakSet([key]));
console.log('%o', [[1, 2], [3]]);
console.log('%o', { list: [1, 2, 3, 4, 5, 6, 7, 8] });
console.log('%o', Promise.resolve([1]));
console.log('%o', new Map([[1, 2]]).entries());
