// Rule: a zlib error ends the call at the trip that failed: gunzip of data that is not gzip
// fails in its first trip, so with one pool thread its callback comes before an fs.stat queued
// after it, while a good gunzip's two trips let the stat run between them. The error is
// Node's: zlib's message, errno and code (src/node_zlib.cc CheckError; lib/zlib.js
// zlibOnError).
process.env.UV_THREADPOOL_SIZE = '1';
const fs = require('fs');
const zlib = require('zlib');
const good = zlib.gzipSync('hello');
zlib.gunzip(Buffer.from('not gzip data'), (err, out) => {
  console.log('bad gunzip', err.message, err.code, err.errno, out);
  zlib.gunzip(good, (err, out) => {
    console.log('good gunzip', err, out.toString());
  });
  fs.stat(__filename, () => {
    console.log('stat 2');
  });
});
fs.stat(__filename, () => {
  console.log('stat 1');
});
