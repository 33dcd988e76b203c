// bound functions: [Function: bound f]
function f() {}
console.log(f.bind(null));
console.log(f.bind(null).bind(null));
console.log((() => {}).bind(null));
console.log((function () {}).bind(null));
class C {}
console.log(C.bind(null));
async function af() {}
console.log(af.bind(null));
console.log([f.bind({})]);
