// grouping leaves "... N more items" on its own line
const a = [];
for (let i = 0; i < 120; i++) a.push(i % 7 === 0 ? 'x'.repeat(i % 5) : i);
console.log(a);
const b = [];
for (let i = 0; i < 101; i++) b.push('s');
console.log(b);
const c = new Array(120).fill(0);
console.log(c);
const d = [];
for (let i = 0; i < 105; i++) d.push({ i });
console.log(d.length, d.slice(0, 3));
