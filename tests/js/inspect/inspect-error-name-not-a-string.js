// an error whose name is not a string (Node 22 adds the constructor name after it)
const a = new Error('x');
a.name = 42;
a.stack = '42: x\n    at f (/f.js:1:1)';
console.log(a);
const b = new TypeError('y');
Object.defineProperty(b, 'name', { value: null, enumerable: true });
b.stack = 'TypeError: y';
console.log(b);
const c = new Error('z');
c.name = { toString() { return 'Obj'; } };
c.stack = 'Obj: z';
console.log(c);
