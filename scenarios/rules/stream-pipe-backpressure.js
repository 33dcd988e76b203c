// Rule: pipe() backpressure: a write that returns false pauses the source ('pause'), and the
// destination's 'drain' resumes it: by flowing at once before 17.5.0 (16.15.0, 14.20.0), with
// resume() from a tick and a 'resume' event after; the last destination unpiped pauses the
// source with pause() ('pause') from 13.12.0, silently before.
// Source: lib/_stream_readable.js Readable.prototype.pipe, pipeOnDrain, unpipe (@v10.7.0,
// @v12.22.12); lib/internal/streams/readable.js (@v16.20.2, @v20.20.2).
const fs = require('fs');
fs.writeFileSync('loopsim-pipe-in.txt', 'y'.repeat(1000));
const ws = fs.createWriteStream('loopsim-pipe-out.txt', { highWaterMark: 100 });
ws.on('open', () => {
  const rs = fs.createReadStream('loopsim-pipe-in.txt', { highWaterMark: 300 });
  for (const ev of ['pause', 'resume', 'end', 'close']) {
    rs.on(ev, () => console.log('rs', ev));
  }
  rs.on('data', (c) => console.log('rs data', c.length));
  ws.on('drain', () => console.log('ws drain'));
  ws.on('finish', () => console.log('ws finish'));
  ws.on('close', () => console.log('ws close', fs.readFileSync('loopsim-pipe-out.txt').length));
  rs.pipe(ws);
});
