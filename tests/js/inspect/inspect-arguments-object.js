// arguments objects: [Arguments] { '0': 1 }
function args() { return arguments; }
console.log(args());
console.log(args(1, 2));
console.log(args('a', { b: 1 }));
console.log([args(1)]);
console.log({ a: args(1, 2, 3) });
function strictArgs() { 'use strict'; return arguments; }
console.log(strictArgs(4, 5));
