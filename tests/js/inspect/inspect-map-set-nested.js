// maps and sets inside other values, with objects as keys, and at the depth limit
const m = new Map([[{ a: 1 }, { b: { c: { d: 1 } } }], [[1, 2], new Set([1])]]);
console.log(m);
console.log({ outer: { inner: new Map([[1, 2]]) } });
console.log({ a: { b: { c: new Map([[1, 2]]) } } });
console.log({ a: { b: { c: new Set() } } });
console.log([new Map([['k', 'v']]), new Set(['x'])]);
const long = new Map();
for (let i = 0; i < 5; i++) long.set('a fairly long key number ' + i, 'and a fairly long value ' + i);
console.log(long);
const big = new Map();
for (let i = 0; i < 102; i++) big.set(i, i * 2);
console.log(big);
console.log(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']));
console.log(new Map([[NaN, 'nan'], [-0, 'zero'], [undefined, 'undef'], [null, 'null']]));
const circ = new Set();
circ.add({ parent: circ });
console.log(circ);
