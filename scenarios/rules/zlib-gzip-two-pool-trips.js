// Rule: zlib.gzip(data, cb) is two thread-pool trips, not one: the data written with
// Z_NO_FLUSH, then, from that trip's completion, the flush with Z_FINISH. With one pool thread,
// an fs.stat queued after the gzip runs between its two trips, so its callback comes first.
// Source: lib/zlib.js zlibBuffer (engine.end(buffer)), ZlibBase.prototype._transform and
// _flush, processChunk/processCallback (handle.write); src/node_zlib.cc Write<true> ->
// ScheduleWork (a ThreadPoolWork); libuv src/threadpool.c (one FIFO queue).
process.env.UV_THREADPOOL_SIZE = '1';
const fs = require('fs');
const zlib = require('zlib');
zlib.gzip('hello hello hello', (err, buf) => {
  console.log('gzip', err, Buffer.isBuffer(buf));
});
fs.stat(__filename, (err) => {
  console.log('stat', err);
});
console.log('main');
