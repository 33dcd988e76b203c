// Rule: a read at a position (pread) leaves the descriptor's offset where it was; a read at
// null or -1 reads from the offset and moves it; past the end a read gives 0 bytes. A slice of
// a Buffer is a view of the same memory: bytes read into it show in the whole.
// Source: lib/fs.js read and readSync (position -1 unless an integer); libuv src/unix/fs.c
// uv__fs_read (read() when the offset is negative, pread() else); lib/buffer.js slice.
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
const a = Buffer.alloc(6), b = Buffer.alloc(6);
console.log(fs.readSync(fd, a, 0, 6, null), JSON.stringify(a.toString()));
console.log(fs.readSync(fd, b, 0, 6, 0), JSON.stringify(b.toString()));
const whole = Buffer.alloc(8, '.');
fs.read(fd, whole.slice(2, 6), 0, 4, -1, (err, n) => {
  console.log('read at -1', n, JSON.stringify(whole.toString()));
  fs.read(fd, b, 0, 6, 100000, (err, n) => {
    console.log('read past the end', n, b.toString('hex'));
  });
});
