// Rule: the Sync forms run at once, on the main thread, with Z_FINISH (processChunkSync), and
// throw zlib's error; an empty input inflates to "unexpected end of file" (Z_BUF_ERROR with
// output space left under Z_FINISH, src/node_zlib.cc CheckError).
const zlib = require('zlib');
setTimeout(() => console.log('timeout'), 0);
const text = 'The quick brown fox jumps over the lazy dog';
const gz = zlib.gzipSync(text);
console.log('gzip', Buffer.isBuffer(gz), zlib.gunzipSync(gz).toString());
console.log('deflate', zlib.inflateSync(zlib.deflateSync(text, { level: 1 })).toString() === text);
console.log('unzip', zlib.unzipSync(zlib.deflateSync(text)).toString() === text);
for (const bad of ['', 'garbage']) {
  try {
    zlib.inflateSync(bad);
  } catch (e) {
    console.log('threw', JSON.stringify(e.message), e.code, e.errno);
  }
}
