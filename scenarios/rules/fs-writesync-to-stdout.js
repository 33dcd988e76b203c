// Rule: fs.writeSync(1, ...) writes to stdout at once, in program order with console.log (a
// pipe's writes are synchronous); process.stdout.fd is 1, process.stderr.fd 2.
// Source: lib/fs.js writeSync; lib/internal/bootstrap/switches/is_main_thread.js
// (createWritableStdioStream: a pipe is synchronous on POSIX).
const fs = require('fs');
console.log('one');
fs.writeSync(process.stdout.fd, 'two\n');
process.stdout.write('thr');
fs.writeSync(1, 'ee\n');
setTimeout(() => fs.writeSync(1, 'timer\n'), 0);

console.log('four', process.stderr.fd);
