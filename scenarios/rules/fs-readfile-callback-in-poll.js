// Rule: fs.readFile's callback runs in the poll phase, in its own callback scope: its ticks and
// promise reactions run right after it, its setImmediate in the same iteration's check phase, its
// 0 ms timer only in the next iteration's timers phase (R7.1, R5.2).
// Source: lib/fs.js readFile and ReadFileContext (lib/internal/fs/read/context.js @v20.20.2);
// src/node_file.cc FSReqCallback; libuv src/unix/core.c uv_run.
const fs = require('fs');
fs.readFile(__filename, 'utf8', (err, data) => {
  console.log('readFile', err, typeof data, data.length > 0);
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('promise'));
});
console.log('main');
