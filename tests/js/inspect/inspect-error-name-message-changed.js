// errors whose name or message changed after creation: the stack (made at creation) is kept,
// and the constructor name is added when the stack does not start with it
const e1 = new Error('original');
e1.stack = 'Error: original\n    at f (/f.js:1:1)';
e1.message = 'changed';
console.log(e1);
const e2 = new Error('msg');
e2.stack = 'Error: msg\n    at f (/f.js:1:1)';
e2.name = 'Renamed';
console.log(e2);
const e3 = new TypeError('t');
e3.stack = 'TypeError: t\n    at f (/f.js:1:1)';
e3.name = 'MyError';
console.log(e3);
class MyError extends Error {}
const e4 = new MyError('sub');
e4.stack = 'Error: sub\n    at f (/f.js:1:1)';
console.log(e4);
class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
const e5 = new NamedError('named');
e5.stack = 'NamedError: named\n    at f (/f.js:1:1)';
console.log(e5);
const e6 = new NamedError('named2');
e6.stack = 'Error: named2\n    at f (/f.js:1:1)';
console.log(e6);
const e7 = new Error('x');
e7.stack = 'Error: x';
e7.name = 'Other';
console.log(e7);
class ValidationError extends TypeError {}
const e8 = new ValidationError('v');
e8.stack = 'TypeError: v\n    at f (/f.js:1:1)';
console.log(e8);
const e9 = new Error('nameless');
e9.stack = 'Error: nameless';
e9.name = '';
console.log(e9);
const e10 = new Error('proto');
e10.stack = 'Error: proto';
Object.setPrototypeOf(e10, null);
console.log(e10);
const e11 = new Error('undefname');
delete e11.stack;
e11.name = undefined;
console.log(e11);
