// an error whose stack is not a string: String() of it (Node 22: the error's toString and the
// value inspected); Node 10 throws
const b = new Error('object stack');
b.stack = { frames: 1 };
console.log(b);
const a = new Error('msg');
a.stack = 42;
console.log(a);
