// errors print their stack; errors without frames in brackets
const e = new Error('boom');
e.stack = 'Error: boom\n    at fn (/app/file.js:1:2)\n    at /app/file.js:3:4';
console.log(e);
const t = new TypeError('bad type');
t.stack = 'TypeError: bad type\n    at x (/a.js:1:1)';
console.log(t);
const noFrames = new Error('just a message');
noFrames.stack = 'Error: just a message';
console.log(noFrames);
const noStack = new RangeError('no stack');
delete noStack.stack;
console.log(noStack);
const empty = new Error();
empty.stack = 'Error';
console.log(empty);
const emptyNoStack = new Error();
delete emptyNoStack.stack;
console.log(emptyNoStack);
const multi = new Error('line one\nline two');
multi.stack = 'Error: line one\nline two\n    at f (/x.js:1:1)';
console.log(multi);
console.log([noStack]);
console.log({ err: noFrames });
const strStack = new Error('s');
strStack.stack = 'custom stack text';
console.log(strStack);
for (const C of [SyntaxError, ReferenceError, EvalError, URIError]) {
  const x = new C('msg');
  delete x.stack;
  console.log(x);
}
