// Map and Set: Map(n) { k => v }, Set(n) { v }
console.log(new Map());
console.log(new Set());
console.log(new Map([[1, 'one'], ['two', 2]]));
console.log(new Set([1, 'two', { three: 3 }]));
console.log(new Map([[{ k: 1 }, [1, 2]]]));
console.log({ m: new Map([['a', new Map([['b', new Map([['c', 1]])]])]]) });
console.log([new Set([new Set([new Set([1])])])]);
const m = new Map();
m.set(m, m);
console.log(m);
const s = new Set();
s.add(s);
console.log(s);
const withProps = new Map([[1, 2]]);
withProps.extra = 'x';
console.log(withProps);
const bigSet = new Set();
for (let i = 0; i < 30; i++) bigSet.add(i);
console.log(bigSet);
const bigMap = new Map();
for (let i = 0; i < 12; i++) bigMap.set('key' + i, i);
console.log(bigMap);
const huge = new Set();
for (let i = 0; i < 105; i++) huge.add(i);
console.log(huge);
class MyMap extends Map {}
console.log(new MyMap([[1, 1]]));
class MySet extends Set {}
console.log(new MySet());
const del = new Map([[1, 1], [2, 2], [3, 3]]);
del.delete(2);
console.log(del);
console.log(new Map([[undefined, null], [NaN, -0]]));
