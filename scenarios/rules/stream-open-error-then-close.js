// Rule: a read stream of a missing file emits 'error' (ENOENT) and then 'close' from one tick
// after the failed open's completion; no 'open', 'data' or 'end'.
// Source: lib/internal/streams/destroy.js constructNT (onConstruct from a tick),
// errorOrDestroy, emitErrorCloseNT (@v16.20.2, @v20.20.2, @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream('loopsim-missing-file.txt');
for (const ev of ['open', 'ready', 'end', 'close', 'error']) {
  rs.on(ev, (e) => {
    console.log(ev, e && e.code);
    process.nextTick(() => console.log('  tick after', ev));
    setImmediate(() => console.log('  immediate after', ev));
  });
}
rs.on('data', () => console.log('data'));
console.log('main');
