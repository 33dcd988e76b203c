// compact 3: up to 3 inner levels on one line when they fit
console.log({ a: { b: { c: {} } } });
console.log({ a: { b: { c: { d: 1 } } } });
console.log({ a: 1, b: { c: 2, d: { e: 3 } } });
console.log({ a: [1, 2, { b: [3, 4, { c: 5 }] }] });
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
console.log({ x: { y: { z: 1 } }, w: 2 });
console.log({ level1: { level2: { level3: 'value' } } });
console.log([[1, [2, [3]]]]);
console.log([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
console.log({ user: { name: 'Ada', tags: ['x', 'y'], address: { city: 'London', zip: 'N1' } } });
console.log({ user: { name: 'Alan', tags: ['a', 'b', 'c'], address: { city: 'Manchester', zip: 'M1', country: 'UK' } } });
console.log({ a: {}, b: [], c: { d: {} } });
console.log([{}, [], [{}]]);
console.log({ outer: { inner: { leaf: 1 } }, sibling: { inner: { leaf: 2 } } });
