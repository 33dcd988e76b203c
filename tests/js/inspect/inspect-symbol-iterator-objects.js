// plain objects with a Symbol.iterator method are still printed as objects
const iterable = { *[Symbol.iterator]() { yield 1; }, a: 1 };
console.log(iterable);
const inherited = Object.create({ [Symbol.iterator]() { return [][Symbol.iterator](); } });
inherited.k = 'v';
console.log(inherited);
class Coll { constructor() { this.items = [1, 2]; } [Symbol.iterator]() { return this.items[Symbol.iterator](); } }
console.log(new Coll());
const hidden = {};
Object.defineProperty(hidden, Symbol.iterator, { value: function () {}, enumerable: false });
console.log(hidden);
const arrayLike = { 0: 'a', 1: 'b', length: 2 };
console.log(arrayLike);
