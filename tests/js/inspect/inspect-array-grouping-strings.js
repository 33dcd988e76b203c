// groupArrayElements: non-numbers are padded at the end, numbers at the start
console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']);
const words = [];
for (let i = 0; i < 40; i++) words.push('w' + i);
console.log(words);
console.log([1, 'two', 3, 'four', 5, 'six', 7]);
console.log([true, false, true, false, true, false, true]);
console.log([null, undefined, null, undefined, null, undefined, null]);
console.log(['a very long string that takes room', 'b', 'c', 'd', 'e', 'f', 'g']);
console.log([{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }, { e: 5 }, { f: 6 }, { g: 7 }]);
console.log([[1], [2], [3], [4], [5], [6], [7]]);
const mixedLen = [];
for (let i = 0; i < 20; i++) mixedLen.push('x'.repeat(i % 7));
console.log(mixedLen);
