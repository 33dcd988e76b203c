// util.format %s: objects whose toString or Symbol.toPrimitive is their own are String()ed
const withPrim = { [Symbol.toPrimitive]() { return 'from toPrimitive'; } };
console.log('%s', withPrim);
class Prim { [Symbol.toPrimitive]() { return 'class toPrimitive'; } }
console.log('%s', new Prim());
const ownToString = { toString() { return 'own toString'; } };
console.log('%s', ownToString);
class Str { toString() { return 'class toString'; } }
class SubStr extends Str {}
console.log('%s', new SubStr());
console.log('%s', new Date(0));
const err = new Error('in %s');
err.stack = 'Error: in %s\n    at f (/f.js:1:1)';
console.log('%s', err);
console.log('%s', new Map([[1, 2]]));
console.log('%s', /re/g);
console.log('%s', [1, [2, [3]]], 'after');
