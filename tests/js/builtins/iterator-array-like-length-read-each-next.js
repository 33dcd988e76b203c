// An array iterator over an array-like reads "length" on each next() until it is done, and V8
// keeps reading it after (it marks the iterator exhausted with an index past any length instead
// of forgetting the array-like); an exhausted iterator never yields again.
let reads = 0;
const arrayLike = { get length() { reads++; return 1; }, 0: "a" };
const it = Array.prototype.values.call(arrayLike);
for (let i = 0; i < 4; i++)
  console.log("next", i, JSON.stringify(it.next()), "length reads:", reads);
const keys = Array.prototype.keys.call(arrayLike);
reads = 0;
console.log([...keys].join(), "reads:", reads, JSON.stringify(keys.next()), "reads:", reads);
const arr = [1];
const it2 = arr[Symbol.iterator]();
it2.next();
console.log(JSON.stringify(it2.next()));
arr.push(2);
console.log("after a push:", JSON.stringify(it2.next()));
const entries = [1, 2].entries();
console.log(JSON.stringify([...entries]), JSON.stringify(entries.next()));
let n = 2;
const growing = { get length() { return n; }, 0: "x", 1: "y", 2: "z" };
const it3 = Array.prototype.values.call(growing);
console.log(it3.next().value, it3.next().value, JSON.stringify(it3.next()));
n = 3;
console.log("longer after done:", JSON.stringify(it3.next()));
