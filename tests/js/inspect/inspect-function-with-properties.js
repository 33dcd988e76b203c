// functions with own enumerable properties: [Function: f] { a: 1 }
function f() {}
f.a = 1;
console.log(f);
const g = () => {};
g.x = 'y';
g.nested = { deep: true };
console.log(g);
class K {}
K.prop = [1, 2];
console.log(K);
function h() {}
h[Symbol('s')] = 1;
console.log(h);
console.log({ fn: f });
function many() {}
for (let i = 0; i < 10; i++) many['key' + i] = i;
console.log(many);
