// generator objects: Object [Generator] {}, Object [AsyncGenerator] {}
function* g() { yield 1; }
console.log(g());
async function* ag() { yield 1; }
console.log(ag());
const started = g();
started.next();
console.log(started);
console.log([g()]);
console.log({ gen: g() });
const withProp = g();
withProp.x = 1;
console.log(withProp);
console.log(g);
console.log(Object.getPrototypeOf(g));
