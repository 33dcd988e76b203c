// objects break over lines when the entries do not fit in breakLength 80
console.log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd' });
console.log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'ddddddddddd' });
console.log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddd', e: 1 });
const keys = {};
for (let i = 0; i < 30; i++) keys['k' + i] = i;
console.log(keys);
console.log(['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc', 'dddddddd']);
console.log(['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc', 'ddddddddddddd']);
console.log({ key: 'x'.repeat(70) });
console.log({ key: 'x'.repeat(71) });
console.log({ key: 'x'.repeat(72) });
console.log({ a: 'x'.repeat(60), b: 1 });
console.log({ a: 'x'.repeat(55), b: 1 });
console.log({ a: 'x'.repeat(50), b: 1 });
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24 });
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24, y: 25, z: 26, aa: 27 });
for (let n = 70; n <= 80; n += 2) console.log([ 'y'.repeat(n - 6) ], { k: 'z'.repeat(n - 10) });
