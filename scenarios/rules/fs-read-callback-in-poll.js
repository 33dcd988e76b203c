// Rule: fs.read is one thread-pool request ("read"). Its callback runs in the poll phase with
// (err, bytesRead, buffer): the bytes are written into the program's own buffer at the offset.
// From an I/O callback, the tick runs first, then the check phase's immediate, then the read.
// Source: lib/fs.js read (binding.read with an FSReqCallback whose oncomplete calls
// callback(err, bytesRead || 0, buffer)); libuv src/unix/fs.c uv__fs_read (pread at a position).
const fs = require('fs');
fs.open(__filename, 'r', (err, fd) => {
  const buf = Buffer.alloc(12, '-');
  fs.read(fd, buf, 2, 8, 3, (err, bytesRead, buffer) => {
    console.log('read', err, bytesRead, buffer === buf, JSON.stringify(buf.toString()));
    fs.closeSync(fd);
  });
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
  console.log('open');
});
