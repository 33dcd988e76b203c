// RegExp: /source/flags
console.log(/abc/);
console.log(/a\/b/gi);
console.log(new RegExp('x+', 'y'));
console.log(new RegExp(''));
console.log(new RegExp('/'));
console.log([/a/g, /b/m]);
console.log({ re: /\d+/su });
const r = /with/;
r.prop = 1;
console.log(r);
console.log({ a: { b: { c: /deep/ } } });
const withKeyDeep = /k/;
withKeyDeep.x = 1;
console.log({ a: { b: { c: withKeyDeep } } });
class MyRe extends RegExp {}
console.log(new MyRe('sub', 'g'));
