// null-prototype objects: [Object: null prototype]
console.log(Object.create(null));
const o = Object.create(null);
o.a = 1;
console.log(o);
console.log({ nested: Object.create(null) });
const arr = [1, 2];
Object.setPrototypeOf(arr, null);
console.log(arr);
function f() {}
Object.setPrototypeOf(f, null);
console.log(f);
const t = Object.create(null);
t[Symbol.toStringTag] = 'Tagged';
console.log(t);
const grand = Object.create(Object.create(null));
console.log(grand);
grand.k = 'v';
console.log(grand);
