// modules are strict: this is undefined, no with, let at the top, await as an operator
let counter = 0;
export { counter as count };
const f = function () { return this; };
console.log(f(), typeof require, typeof module, typeof exports);
for await (const x of [1, Promise.resolve(2)]) counter += x;
console.log(counter);
label: for (const k of 'ab') { if (k === 'b') break label; console.log(k); }
class C { static #p = 1; static get p() { return C.#p; } }
console.log(C.p, await Promise.all([1, 2]));
