// [[OwnPropertyKeys]] (ECMA-262 10.1.11.1 OrdinaryOwnPropertyKeys): integer keys ascending,
// then strings in creation order, then symbols - an array's and a String object's "length"
// comes after their indexes.
const names = (o) => Object.getOwnPropertyNames(o).join();
console.log("array:", names([1, 2]));
const a = [1]; a.x = 1; a[5] = 2;
console.log("array with a hole and a named property:", names(a));
console.log("empty array:", names([]));
console.log("String object:", names(new String("ab")));
console.log("string primitive:", names("ab"));
console.log("plain object with integer-like keys:",
  names({ b: 1, 2: 1, a: 1, 1: 1, [Symbol()]: 1, "-1": 1, "01": 1, 4294967295: 1, 4294967294: 1 }));
console.log("arrow function:", names((x) => x));
console.log("class:", names(class { static s() {} }));
console.log("bound function:", names(function () {}.bind(null)));
console.log("arguments:", (function () { return names(arguments); })(1, 2));
console.log("Reflect.ownKeys of an array:", Reflect.ownKeys([1, 2]).join());
console.log("Reflect.ownKeys of a String object:", Reflect.ownKeys(new String("xy")).join());
console.log("Object.keys of a String object:", Object.keys(new String("ab")).join());
console.log("getOwnPropertyDescriptors of an array:", Object.keys(Object.getOwnPropertyDescriptors([5])).join());
console.log("getOwnPropertyDescriptors of a String object:", Object.keys(Object.getOwnPropertyDescriptors(new String("ab"))).join());
const acc = [1, 2, 3];
Object.defineProperty(acc, 1, { get() { return "g"; }, enumerable: true, configurable: true });
console.log("array with an accessor element:", names(acc), acc.join(), Object.keys(acc).join());
console.log("error:", names(new Error("x", { cause: 1 })), names(new TypeError()));
