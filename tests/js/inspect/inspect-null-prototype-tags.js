// null-prototype objects with a Symbol.toStringTag: [Tag: null prototype] or
// [Object: null prototype] [Tag]
const hiddenTag = Object.create(null);
Object.defineProperty(hiddenTag, Symbol.toStringTag, { value: 'Hidden' });
console.log(hiddenTag);
hiddenTag.k = 1;
console.log(hiddenTag);
const protoTag = Object.create(Object.create(null, { [Symbol.toStringTag]: { value: 'Inherited' } }));
console.log(protoTag);
const arr = Object.setPrototypeOf([1], null);
Object.defineProperty(arr, Symbol.toStringTag, { value: 'ArrTag' });
console.log(arr);
const m = Object.setPrototypeOf(new Map([[1, 2]]), null);
console.log(m);
const s = Object.setPrototypeOf(new Set([1]), null);
console.log(s);
const p = Object.setPrototypeOf(Promise.resolve(1), null);
console.log(p);
const d = Object.setPrototypeOf(new Date(0), null);
console.log(d);
const r = Object.setPrototypeOf(/x/g, null);
console.log(r);
const e = Object.setPrototypeOf(new Map(), null);
console.log(e);
