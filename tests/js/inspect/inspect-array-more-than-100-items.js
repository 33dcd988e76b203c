// arrays longer than 100: ... N more items
const a = [];
for (let i = 0; i < 101; i++) a.push(i);
console.log(a);
const b = [];
for (let i = 0; i < 150; i++) b.push('s' + i);
console.log(b);
const c = [];
for (let i = 0; i < 102; i++) c.push(i);
console.log({ c });
