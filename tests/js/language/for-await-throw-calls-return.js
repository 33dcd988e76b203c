// for await: a throw in the body calls return() and awaits it before the catch
const it = { i: 0, [Symbol.asyncIterator]() { return this; },
  next() { this.i++; return Promise.resolve({ value: this.i, done: false }); },
  return() { console.log('return called'); return Promise.resolve({ done: true }); } };
(async () => { try { for await (const v of it) { console.log('v', v); if (v === 2) throw new Error('x'); } } catch (e) { console.log('caught') } })();
let p = Promise.resolve(); for (let i = 1; i <= 8; i++) p = p.then(() => console.log('t', i));
