// for await: a throw in the body closes an async generator (its finally runs) before the catch
async function* g() { try { yield 1; yield 2; yield 3; } finally { console.log('fin'); } }
(async () => { try { for await (const v of g()) { console.log('v', v); if (v === 2) throw new Error('x'); } } catch (e) { console.log('caught', e.message); } })();
let p = Promise.resolve(); for (let i = 1; i <= 10; i++) p = p.then(() => console.log('t', i));
