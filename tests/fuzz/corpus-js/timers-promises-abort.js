// timers/promises with AbortController, util.promisify, scheduler
const { setTimeout: sleep, setImmediate: immediate, setInterval: every } = require('timers/promises');
const util = require('util');
const ac = new AbortController();
sleep(10, 'late', { signal: ac.signal }).then(console.log, (e) => console.log(e.name, e.code));
setTimeout(() => ac.abort(), 1);
immediate('imm').then(v => console.log(v));
(async () => { let i = 0; for await (const v of every(1, 'iv')) { console.log(v, i); if (++i === 2) break; } })();
const wait = util.promisify(setTimeout);
wait(2).then(() => console.log('promisified'));
util.promisify((x, cb) => cb(null, x * 2))(21).then(v => console.log('custom', v));
util.callbackify(async () => { throw null; })((err) => console.log('callbackify', err && err.message));
console.log(util.format('%s:%d:%j', 'a', 3.5, { x: 1 }), util.inspect({ deep: { er: { x: [1, 2] } } }, { depth: 0 }));
AbortSignal.timeout(3).addEventListener('abort', () => console.log('signal timeout'));
