// Rule: a source read in paused mode (once('readable') and read(n)) and then piped: whether
// pipe() sets it flowing at once or from a tick after its 'readable' listener is gone depends
// on the version: on('readable') stops flowing mode from 11.0.0 (10.10.0), and removing the
// last 'readable' listener then resumes a stream 'data' listens to; from 11.4.0 (10.15.1) it
// also puts back a resume() that was waiting; on('data') leaves readableListening set from
// 21.2.0 (20.11.0).
// Source: lib/_stream_readable.js Readable.prototype.on, updateReadableListening, pipe
// (@v10.7.0, @v12.22.12); lib/internal/streams/readable.js (@v16.20.2, @v20.20.2).
const fs = require('fs');
fs.writeFileSync('loopsim-rp-in.txt', 'x'.repeat(300));
const ws = fs.createWriteStream('loopsim-rp-out.txt', { highWaterMark: 16 });
console.log('write', ws.write('abc'.repeat(10)));
ws.once('drain', () => {
  console.log('ws drain');
  const rs = fs.createReadStream('loopsim-rp-in.txt');
  for (const ev of ['pause', 'resume', 'end']) {
    rs.on(ev, () => console.log('rs', ev, rs.readableFlowing));
  }
  rs.once('readable', () => {
    console.log('read', rs.read(7).length, 'flowing', rs.readableFlowing);
    rs.pipe(ws);
    console.log('piped, flowing', rs.readableFlowing);
    process.nextTick(() => console.log('tick, flowing', rs.readableFlowing));
  });
  ws.on('close', () => console.log('ws close', fs.readFileSync('loopsim-rp-out.txt').length));
});
