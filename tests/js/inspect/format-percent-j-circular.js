// util.format %j: a circular structure prints [Circular]
const a = { name: 'a' };
a.self = a;
console.log('%j', a);
const arr = [1];
arr.push(arr);
console.log('%j', arr);
console.log('before %j after', a);
