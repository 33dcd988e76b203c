// console.log of a Buffer: its first 50 bytes in hex (buffer.INSPECT_MAX_BYTES), then how many
// more (lib/buffer.js [customInspectSymbol]; Node 10: " ... >"), inside arrays and objects too.
const small = Buffer.from('ab');
const empty = Buffer.alloc(0);
const fifty = Buffer.alloc(50, 'x');
const one = Buffer.alloc(51, 'y');
const ten = Buffer.from('z'.repeat(60));
console.log(small);
console.log(empty);
console.log(fifty);
console.log(one);
console.log(ten);
console.log([small, empty], { small });
console.log('%o', small);
console.log(small.length, ten.length, String(small));
