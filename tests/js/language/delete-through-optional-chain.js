// delete through optional chains: a short-circuited chain deletes nothing and is true
// loopsim-test: Node 20 only (optional chaining is a SyntaxError before Node 14; loopsim parses ES2022 on every profile)
const o = { a: { b: 1, c: { d: 2 } } };
let n = null;
console.log(delete n?.x, delete o?.a.b, JSON.stringify(o));
console.log(delete o.a?.c.d, delete o.z?.y.w, JSON.stringify(o));
console.log(delete o.a?.['c'], JSON.stringify(o));
const f = () => ({ k: 1 });
console.log(delete f?.().k, delete n?.m(), delete o.a.q?.());
