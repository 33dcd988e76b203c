// past depth 2 every kind of object has its own label
class Foo { constructor() { this.x = 1; } }
const deep = (v) => ({ a: { b: { c: v } } });
console.log(deep(new Map([[1, 2]])));
console.log(deep(new Set([1])));
console.log(deep(Promise.resolve(1)));
console.log(deep(new Foo()));
console.log(deep([1, 2]));
console.log(deep({ k: 1 }));
const nullProto = Object.create(null);
nullProto.k = 1;
console.log(deep(nullProto));
const tagged = { k: 1 };
Object.defineProperty(tagged, Symbol.toStringTag, { value: 'T' });
console.log(deep(tagged));
const fn = function f() {};
fn.p = 1;
console.log(deep(fn));
const err = new Error('deep');
delete err.stack;
err.p = 1;
console.log(deep(err));
const re = /x/;
re.p = 1;
console.log(deep(re));
const date = new Date(0);
date.p = 1;
console.log(deep(date));
const num = new Number(1);
num.p = 1;
console.log(deep(num));
console.log(deep(new WeakMap()));
console.log(deep([1, 2][Symbol.iterator]()));
console.log(deep(new Map([[1, 2]]).keys()));
function args() { return arguments; }
console.log(deep(args(1)));
console.log(deep(args()));
