// boxed primitives: [Number: 3], [String: 'x'], [Boolean: true], [Symbol: Symbol(s)]
console.log(new Number(3));
console.log(new Number(-0));
console.log(new String('x'));
console.log(new String(''));
console.log(new String('it\'s'));
console.log(new Boolean(true));
console.log(new Boolean(false));
console.log(Object(Symbol('s')));
console.log([new Number(1), new String('a')]);
console.log({ n: new Number(NaN) });
const s = new String('ab');
s.extra = 1;
console.log(s);
const n = new Number(5);
n.k = 'v';
console.log(n);
class MyNum extends Number {}
console.log(new MyNum(4));
class MyStr extends String {}
console.log(new MyStr('q'));
