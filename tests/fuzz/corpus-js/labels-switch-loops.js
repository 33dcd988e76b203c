// control flow: do-while, for-in order, switch with lexical scope, comma, conditional chains, label on blocks
const o = { b: 1, a: 2, 1: 'one', 0: 'zero' };
for (const k in o) console.log('key', k);
let i = 0; do { i += 2; } while (i < 7); console.log(i);
switch (typeof i) { case 'string': { let x = 1; console.log(x); break; } case 'number': { let x = 2; console.log('number', x); } default: console.log('fell through'); }
for (let a = 0, b = 10; a < b; a += 3, b -= 3) console.log(a, b);
const grade = (n) => n > 90 ? 'A' : n > 80 ? 'B' : n > 70 ? 'C' : 'F';
console.log([95, 85, 75, 5].map(grade).join(''), (1, 2, 3), typeof typeof 1, !!'' + !!'0');
while (true) { if (++i > 10) break; if (i % 2) continue; console.log('even', i); }
for (const [k, v] of Object.entries({ x: 1, y: 2 })) console.log(k, v);
