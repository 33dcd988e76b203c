// sloppy mode: with, octal literals, function in blocks, arguments aliasing, html comments
var o = { x: 1 };
with (o) { x = 2; var y = x; }
console.log(o.x, y, 010, 0o10, '\101');
if (true) { function inBlock() { return 'block'; } }
console.log(inBlock());
function alias(a) { arguments[0] = 'changed'; return a; }
console.log(alias('orig'), this === module.exports, typeof require, typeof module);
<!-- an html comment
console.log(delete o.x, o.x, void 0);
--> still a comment
label: function lf() {}
console.log(eval === globalThis.eval, typeof globalThis);
return;
console.log('never');
