// a numeric property key is the number's ToString (not an integer conversion)
console.log(Object.keys({ 0.1: 1, 1e21: 2, 4294967296: 3, 1.5: 4, 0x10: 5, 1e300: 6, [0.1+0.2]: 7 }));
class A { static 1e3() { return 'k'; } }
console.log(A[1000](), Object.getOwnPropertyNames(A).includes('1000'));
