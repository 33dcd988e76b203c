// Rule: fs.open's callback gets the lowest free file descriptor; Node's own come first (stdio,
// epoll, libuv's async handles and signal pipe, io_uring's ring on 20.3-20.11), and the first
// write to stdout on a pipe opens one more (11 and later).  fs.close frees it for the next open.
// Source: POSIX open(2) ("the lowest-numbered file descriptor not currently open"); lib/fs.js
// open, openSync, close.
const fs = require('fs');
const seen = [];
fs.open(__filename, 'r', (err, a) => {
  seen.push(a);
  fs.open(__filename, 'r', (err, b) => {
    seen.push(b);
    seen.push(fs.openSync(__filename, 'r'));
    console.log('fds', seen.map((fd) => fd - seen[0]).join(' '), seen[0] > 2);
    const c = fs.openSync(__filename, 'r');
    console.log('after the first write', c - seen[0]);
    fs.close(a, (err) => {
      console.log('closed', err);
      fs.open(__filename, 'r', (err, d) => console.log('reopened', d - seen[0]));
    });
  });
});
