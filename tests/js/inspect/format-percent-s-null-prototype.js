// util.format %s of a null-prototype object: inspected (Node 12+); Node 10's String() throws
const o = Object.create(null);
o.k = 1;
console.log('%s', o);
console.log('%s', Object.create(null));
