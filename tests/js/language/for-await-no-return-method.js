// for await over an iterator without return(): a break awaits nothing
const noret = { [Symbol.asyncIterator]() { return { next: () => Promise.resolve({value: 1, done: false}) }; } };
(async () => { for await (const v of noret) { console.log('noret', v); break; } console.log('after noret'); })();
let p = Promise.resolve(); for (let i = 1; i <= 8; i++) p = p.then(() => console.log('t', i));
