// strings longer than 10000 characters are cut: ... N more characters (Node 16+)
const s = 'x'.repeat(10005);
console.log([s]);
console.log({ t: 'y'.repeat(10001) });
console.log(['z'.repeat(10000)].map((v) => v.length));
console.log(['z'.repeat(10000)][0].length);
console.log('%s', 'w'.repeat(10002).length);
