// Rule: destroying (close()) a file read stream before its open completes waits for the open
// ('open' is still emitted), then closes the file (one more pool request) and emits 'close'
// from a tick after it; nothing is read, so there is no 'data' or 'end'.
// Source: lib/internal/streams/destroy.js destroy (kDestroy waits for construct), constructNT;
// lib/internal/fs/streams.js ReadStream.prototype.close, _destroy (@v16.20.2 to @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream(__filename);
rs.close();
rs.on('open', () => console.log('open'));
rs.on('data', () => console.log('data'));
rs.on('end', () => console.log('end'));
rs.on('close', () => console.log('close', rs.destroyed));
setImmediate(() => console.log('immediate'));
console.log('main', rs.destroyed, rs.pending);
