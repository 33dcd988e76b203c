// an `inspect` method: Node 10 calls it as a custom inspector (DEP0079); Node 12+ print it
const o = { inspect() { return 'from inspect()'; }, x: 1 };
console.log(o);
console.log([o]);
const p = { inspect: 'not a function' };
console.log(p);
class Legacy { inspect(depth) { return 'Legacy at depth ' + depth; } }
console.log({ a: new Legacy() });
