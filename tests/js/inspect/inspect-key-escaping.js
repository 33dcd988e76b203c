// keys that need quotes or escapes, in enumerable and hidden (%o) properties and symbols
console.log({ "it's": 1, 'say "x"': 2, 'both \' and "': 3, 'back\\slash': 4, 'tab\there': 5 });
console.log({ [Symbol("it's")]: 1, [Symbol('q"uote')]: 2, [Symbol('back\\slash')]: 3 });
const o = {};
Object.defineProperty(o, "hid'den", { value: 1 });
Object.defineProperty(o, 'new\nline', { value: 2 });
Object.defineProperty(o, 'ünï', { value: 3 });
console.log('%o', o);
console.log({ 'ünïcödé': 1, 'emoji😀': 2, '日本': 3 });
console.log({ '\x7f': 1, '\x85': 2 });
console.log({ '1': 'one', '-1': 'minus', '1.0': 'float', 'NaN': 'nan', '1e3': 'exp' });
