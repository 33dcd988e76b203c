// symbol keys: [Symbol(desc)] after the string keys; non-enumerable ones hidden
const s1 = Symbol('one');
const s2 = Symbol();
const o = { [s1]: 1, a: 2, [s2]: 3, b: 4 };
console.log(o);
console.log({ [Symbol.iterator]: 'not a function', x: 1 });
const h = { visible: 1 };
Object.defineProperty(h, Symbol('hidden'), { value: 2, enumerable: false });
console.log(h);
console.log({ [Symbol('')]: 'empty desc' });
console.log({ [Symbol.for('reg')]: 'registered' });
console.log({ [Symbol('a b')]: { [Symbol('nested')]: true } });
