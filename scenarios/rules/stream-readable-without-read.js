// Rule: a 'readable' listener that does not call read(): the stream reads until its buffer
// holds highWaterMark bytes and stops; 'readable' comes again only after read() takes them.
// Source: lib/_stream_readable.js emitReadable_, read (@v10.7.0, @v12.22.12);
// lib/internal/streams/readable.js (@v16.20.2).
const fs = require('fs');
const rs = fs.createReadStream(__filename, { highWaterMark: 100 });
let n = 0;
rs.on('readable', () => {
  n++;
  console.log('readable', n, rs.readableLength);
  if (n === 3) {
    let c;
    while ((c = rs.read()) !== null) console.log('read', c.length);
  }
  if (n > 12) rs.destroy();
});
rs.on('end', () => console.log('end'));
rs.on('close', () => console.log('close'));
setTimeout(() => {
  console.log('timeout', n);
  if (rs.read() === null) console.log('nothing');
}, 50);
