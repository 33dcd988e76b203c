// The Buffer global as quizzes use it: Buffer.from(string), Buffer.alloc(size[, fill]),
// Buffer.isBuffer, Buffer.byteLength (UTF-8), toString() and toString('hex'), instanceof
// (lib/buffer.js).
console.log(typeof Buffer);
const b = Buffer.from('ab');
console.log(b, b.length, b.toString(), b.toString('hex'), Buffer.isBuffer(b), b instanceof Buffer);
console.log(Buffer.alloc(3), Buffer.alloc(5, 'ab').toString(), Buffer.byteLength('héllo'));
const copy = Buffer.from(b);
console.log(copy, copy === b, Buffer.isBuffer('ab'), Buffer.from('héllo').length);
console.log(Buffer.from('€').toString('hex'), Buffer.alloc(2, 0));
