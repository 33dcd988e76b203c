// a busy main script: allocation in loops (the collector), long strings, many closures
let keep = [];
for (let i = 0; i < 20000; i++) { keep.push({ i, s: 'x' + i, f: () => i }); if (keep.length > 1000) keep = keep.slice(500); }
let s = '';
for (let i = 0; i < 2000; i++) s += String.fromCharCode(65 + (i % 26));
const m = new Map();
for (let i = 0; i < 5000; i++) m.set('k' + (i % 100), new Array(i % 7).fill(i));
console.log(keep.length, s.length, m.size, keep[keep.length - 1].f());
setTimeout(() => console.log('timer after busy main'), 1);
setImmediate(() => console.log('immediate after busy main'));
