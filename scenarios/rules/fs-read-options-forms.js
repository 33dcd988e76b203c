// Rule: which forms fs.read and fs.readSync take depends on the version: readSync(fd, buffer,
// options) from 12.17 and 13.13, read(fd, [options,] callback) (a 16 KiB buffer of its own)
// from 12.17 and 13.11, read(fd, buffer, [options,] callback) from 16.17 and 18.2. Before,
// readSync's left-out offset and length are 0 (`length |= 0`: nothing read), and read throws
// ERR_INVALID_ARG_TYPE for what it takes as the buffer (the callback, the options object, or
// the buffer's own ArrayBuffer).
// Source: lib/fs.js read and readSync (`arguments.length <= 3`, `<= 4`) @v10.7.0, @v12.22.12,
// @v16.20.2, @v22.23.3.
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
const buf = Buffer.alloc(8);
console.log('readSync positional', fs.readSync(fd, buf, 1, 2, 0), JSON.stringify(buf.toString()));
console.log('readSync no offset', fs.readSync(fd, buf));
const forms = [
  ['read(fd, cb)', (cb) => fs.read(fd, cb)],
  ['read(fd, options, cb)', (cb) => fs.read(fd, { buffer: buf, position: 0 }, cb)],
  ['read(fd, buffer, cb)', (cb) => fs.read(fd, buf, cb)],
];
function next(i) {
  if (i === forms.length) return;
  const [name, call] = forms[i];
  try {
    call((err, n, b) => {
      console.log(name, err, n, b.length, JSON.stringify(b.toString('utf8', 0, 8)));
      next(i + 1);
    });
  } catch (e) {
    console.log(name, 'threw', e.code);
    next(i + 1);
  }
}
next(0);
