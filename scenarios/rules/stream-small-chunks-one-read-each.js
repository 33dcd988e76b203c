// Rule: with highWaterMark N, each 'data' chunk is one fs.read request of N bytes, in its own
// poll-phase completion, so an immediate queued in one 'data' runs before the next 'data'; with
// an encoding the chunks are strings.
// Source: lib/internal/fs/streams.js ReadStream.prototype._read; lib/internal/streams/readable.js
// maybeReadMore, addChunk (@v16.20.2, @v20.20.2, @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream(__filename, { highWaterMark: 256, encoding: 'utf8' });
let n = 0;
let text = '';
rs.on('data', (c) => {
  n++;
  text += c;
  const k = n;
  console.log('data', k, typeof c, c.length);
  setImmediate(() => console.log('  immediate', k));
  process.nextTick(() => console.log('  tick', k));
});
rs.on('end', () => console.log('end', n, text === fs.readFileSync(__filename, 'utf8')));
rs.on('close', () => console.log('close'));
