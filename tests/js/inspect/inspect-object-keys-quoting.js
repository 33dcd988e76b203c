// object keys are quoted unless they are identifiers (/^[a-zA-Z_][a-zA-Z_0-9]*$/)
console.log({ a: 1, _b: 2, c3: 3, $d: 4, 'e-f': 5, 'g h': 6, '': 7, '1x': 8, 'ünï': 9 });
console.log({ 'class': 1, 'null': 2, 'constructor': 3 });
console.log({ 'a.b': 1, 'a/b': 2, 'a\'b': 3 });
console.log({ __proto__x: 1 });
const o = {};
Object.defineProperty(o, '__proto__', { value: 'own', enumerable: true });
console.log(o);
console.log({ ['__proto__']: 1 });
console.log({ 'CamelCase': 1, 'snake_case': 2, 'kebab-case': 3, 'UPPER': 4 });
