// errors inside objects and arrays: every line of the stack indented
const e = new Error('inner');
e.stack = 'Error: inner\n    at f (/f.js:1:1)\n    at g (/g.js:2:2)';
console.log({ error: e });
console.log([e]);
console.log({ a: { b: e } });
console.log([[e]]);
console.log({ list: [e, e] });
const withProp = new Error('p');
withProp.stack = 'Error: p\n    at h (/h.js:3:3)';
withProp.code = 'X';
console.log({ withProp });
const deep = new Error('deep');
deep.stack = 'Error: deep\n    at d (/d.js:4:4)';
console.log({ l1: { l2: { l3: deep } } });
