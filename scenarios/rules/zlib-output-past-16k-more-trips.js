// Rule: each trip writes into a 16 KiB output buffer (chunkSize); while it fills up, the same
// input is written again from the completion, one more pool trip each time. Gunzipping 40,000
// bytes is four trips (16 KiB, 16 KiB, the rest, the flush), so with one pool thread a small
// gunzip queued after it (two trips) calls back first.
// Source: lib/zlib.js processCallback (availOutAfter === 0: handle.write again; a new
// _outBuffer once _outOffset reaches _chunkSize); Z_DEFAULT_CHUNK = 16 * 1024.
process.env.UV_THREADPOOL_SIZE = '1';
const zlib = require('zlib');
const big = zlib.gzipSync('x'.repeat(40000));
const small = zlib.gzipSync('y');
zlib.gunzip(big, (err, out) => {
  console.log('big', out.length);
});
zlib.gunzip(small, (err, out) => {
  console.log('small', out.toString());
});
zlib.gunzip(big, { chunkSize: 65536 }, (err, out) => {
  console.log('big in 64 KiB chunks', out.length);
});
