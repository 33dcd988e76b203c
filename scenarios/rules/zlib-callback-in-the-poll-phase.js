// Rule: a zlib call's callback runs in the poll phase of a later iteration: from an I/O
// callback, the immediate (check phase) and the tick come first, then the output, whatever the
// call (gzip, deflate, deflateRaw and their inverses give the input back).
// Source: lib/zlib.js zlibBuffer, zlibBufferOnEnd (called from 'end', endReadableNT);
// src/node_zlib.cc AfterThreadPoolWork (the write callback, processCallback).
const fs = require('fs');
const zlib = require('zlib');
fs.stat(__filename, () => {
  zlib.deflate('abc', (err, d) => {
    console.log('deflate', err, Buffer.isBuffer(d));
    zlib.inflate(d, (err, out) => {
      console.log('inflate', err, out.toString());
      zlib.deflateRaw(out, { level: 9 }, (err, raw) => {
        console.log('deflateRaw', err, Buffer.isBuffer(raw));
        zlib.inflateRaw(raw, (err, back) => {
          console.log('inflateRaw', back.toString());
          zlib.unzip(zlib.gzipSync(back), (err, u) => console.log('unzip', u.toString()));
        });
      });
    });
  });
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
});
