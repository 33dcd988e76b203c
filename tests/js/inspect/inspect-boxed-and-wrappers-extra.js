// boxed primitives with tags, keys and long strings
const s = new String('a string that is long enough to be split over lines\nsecond line here');
console.log(s);
console.log({ s });
const tagged = new Number(7);
Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Seven' });
console.log(tagged);
const b = new Boolean(false);
b.why = 'because';
console.log(b);
const sym = Object(Symbol('boxed'));
sym.prop = 1;
console.log(sym);
const str = new String('abc');
str[5] = 'beyond';
console.log(str);
const nullNum = new Number(3);
Object.setPrototypeOf(nullNum, null);
console.log(nullNum);
