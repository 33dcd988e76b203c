// generators: yield*, return/throw, spread, for-of with break, destructuring from iterators
function* inner() { const x = yield 1; console.log('got', x); try { yield 2; } finally { console.log('cleanup'); } }
function* outer() { yield 0; const r = yield* inner(); yield r; return 'done'; }
const g = outer();
console.log(g.next(), g.next(), g.next('a'), g.return(7), g.next());
for (const v of outer()) { if (v === 1) break; console.log(v); }
const [a, , b = 9, ...rest] = outer();
console.log(a, b, rest, [...'héllo'], Array.from({ length: 3 }, (_, i) => i * i));
const it = { from: 1, to: 3, [Symbol.iterator]() { let c = this.from, t = this.to; return { next: () => c <= t ? { value: c++, done: false } : { value: undefined, done: true }, return() { console.log('return'); return {}; } }; } };
for (const n of it) { console.log(n); if (n === 2) break; }
const t = outer(); t.next();
try { t.throw(new Error('boom')); } catch (e) { console.log('caught', e.message); }
