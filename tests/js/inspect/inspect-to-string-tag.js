// Symbol.toStringTag: Object [Tag] {}, Class [Tag] {}, hidden when an own enumerable property
class Tagged { get [Symbol.toStringTag]() { return 'MyTag'; } }
console.log(new Tagged());
class Same { get [Symbol.toStringTag]() { return 'Same'; } }
console.log(new Same());
const own = { [Symbol.toStringTag]: 'Own' };
console.log(own);
const hidden = {};
Object.defineProperty(hidden, Symbol.toStringTag, { value: 'Hidden', enumerable: false });
console.log(hidden);
const withKeys = { a: 1 };
Object.defineProperty(withKeys, Symbol.toStringTag, { value: 'WK' });
console.log(withKeys);
class NotString { get [Symbol.toStringTag]() { return 42; } }
console.log(new NotString());
class Empty { get [Symbol.toStringTag]() { return ''; } }
console.log(new Empty());
class Contains { get [Symbol.toStringTag]() { return 'Cont'; } }
console.log(new Contains());
class EndsWithTag { get [Symbol.toStringTag]() { return 'Tag'; } }
console.log(new EndsWithTag());
class TagLower { get [Symbol.toStringTag]() { return 'Tag'; } }
console.log(new TagLower());
const arr = [1, 2];
Object.defineProperty(arr, Symbol.toStringTag, { value: 'ArrTag' });
console.log(arr);
function fn() {}
Object.defineProperty(fn, Symbol.toStringTag, { value: 'FnTag' });
console.log(fn);
console.log(Math);
console.log(JSON);
