// Rule: a file read stream opens from a tick (construct -> constructNT), emits 'open' and
// 'ready' in the open's completion (poll phase), reads 64 KiB per fs.read request, emits 'data'
// in that read's completion, 'end' from a tick after a read that gives nothing, and 'close'
// from a tick after the close request completes; 'resume' from a tick after on('data').
// Source: lib/internal/fs/streams.js _construct, ReadStream.prototype._read, _destroy;
// lib/internal/streams/readable.js resume_, addChunk, endReadableNT; destroy.js constructNT,
// emitCloseNT (@v16.20.2, @v20.20.2, @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream(__filename);
for (const ev of ['open', 'ready', 'end', 'close', 'pause', 'resume']) {
  rs.on(ev, () => {
    console.log(ev);
    process.nextTick(() => console.log('  tick after', ev));
    setImmediate(() => console.log('  immediate after', ev));
  });
}
rs.on('data', (c) => {
  console.log('data', c.length > 0, typeof c);
  process.nextTick(() => console.log('  tick after data'));
  setImmediate(() => console.log('  immediate after data'));
});
setImmediate(() => console.log('immediate main'));
process.nextTick(() => console.log('tick main'));
console.log('main');
