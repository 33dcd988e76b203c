// arrays: holes, sort with comparator, splice, flat, copyWithin, length tricks, typed views of arguments
const a = [3, 1, , 10, 2];
console.log(a.length, 2 in a, a.sort(), [10, 9, 1].sort((x, y) => x - y), a.indexOf(undefined), a.includes(undefined));
const b = [1, 2, 3, 4, 5];
console.log(b.splice(1, 2, 'x', 'y', 'z'), b, b.copyWithin(0, 3), b.fill(0, -1), [[1, [2, [3]]]].flat(Infinity));
const c = []; c[5] = 1; c.length = 2; console.log(c, c.length, Array.isArray(c), [].concat(1, [2], [[3]]));
console.log([1, 2, 3].reduce((s, x) => s + x), [].reduce((s, x) => s + x, 'init'), [1, 2, 3].findLast(x => x < 3), [1, 2, 3].toSorted((x, y) => y - x));
try { [].reduce((s, x) => s); } catch (e) { console.log(e.message); }
console.log(Array.from('abc', (ch, i) => ch + i), Array.of(7), [1, 2, 3].entries().next(), Object.groupBy ? 'groupBy' : 'no groupBy');
console.log([5, 1, 4].map(String).join('-'), [..."ab"].keys().next(), ['a', 'b'].with(1, 'B'), new Array(3).join('x'));
