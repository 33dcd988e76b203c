// for await: a break awaits what the iterator's return() gives (AsyncIteratorClose)
const it = { i: 0, [Symbol.asyncIterator]() { return this; },
  next() { this.i++; return Promise.resolve({ value: this.i, done: false }); },
  return() { console.log('return called'); return Promise.resolve({ done: true }); } };
(async () => { for await (const v of it) { console.log('v', v); if (v === 2) break; } console.log('after'); })();
let p = Promise.resolve(); for (let i = 1; i <= 8; i++) p = p.then(() => console.log('t', i));
