// how compact 3 combines with the line width: inner levels first, then the outer ones
console.log({ a: { b: 1 }, c: { d: { e: 1 } } });
console.log({ a: { b: { c: { d: 1 } } }, e: 1 });
console.log([[[1, 2, 3]], [[4, 5, 6]]]);
console.log({ k1: { k2: { k3: 'v' } }, k4: { k5: 'w' } });
console.log({ long1: 'x'.repeat(30), inner: { long2: 'y'.repeat(30) } });
console.log({ long1: 'x'.repeat(20), inner: { long2: 'y'.repeat(20) } });
console.log([{ id: 1, name: 'one' }, { id: 2, name: 'two' }, { id: 3, name: 'three' }]);
console.log([{ id: 1, name: 'one', tags: ['a'] }, { id: 2, name: 'two', tags: ['b', 'c'] }]);
console.log({ matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
console.log({ a: [{ b: [{ c: 1 }] }] });
console.log({ name: 'config', options: { verbose: true, level: 3 }, list: [1, 2, 3] });
