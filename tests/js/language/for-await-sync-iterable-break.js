// for await over a sync iterable: closing it calls the async-from-sync iterator's return(), awaited
(async () => { for await (const v of [Promise.resolve(1), 2]) { console.log('arr', v); break; } console.log('after arr'); })();
let p = Promise.resolve(); for (let i = 1; i <= 8; i++) p = p.then(() => console.log('t', i));
