// Rule: destroying a read stream while its read is in flight closes the file only after that
// read completes (kIoDone) from 13.4.0 and 12.16.0; before, at once.  With one pool thread, a
// stat asked for right after destroy() is served before the close then, and after it before.
// Source: lib/internal/fs/streams.js ReadStream.prototype._destroy (@v12.22.12, @v14.21.3,
// @v16.20.2: kIsPerformingIO, kIoDone; @v10.7.0: closeFsStream at once).
process.env.UV_THREADPOOL_SIZE = '1';
const fs = require('fs');
const rs = fs.createReadStream(__filename, { highWaterMark: 16 });
let first = true;
rs.on('data', () => {
  if (!first) return;
  first = false;
  console.log('data');
  setImmediate(() => {
    rs.destroy();
    fs.stat(__filename, () => console.log('stat'));
  });
});
rs.on('close', () => console.log('close'));
