// Rule: a write stream ended with nothing written finishes only after its open completes from
// 13.0.0 and 12.13.0 (its _final, or from 15 its construction, waits for the open); before, its
// _final destroys it and calls back at once, so 'finish' comes from a tick, before 'open'.
// Source: lib/internal/fs/streams.js WriteStream.prototype._final @v10.7.0, @v12.22.12,
// @v14.21.3; _construct @v16.20.2.
const fs = require('fs');
const ws = fs.createWriteStream('loopsim-empty.txt');
ws.on('open', () => console.log('open'));
ws.on('finish', () => console.log('finish'));
ws.on('close', () => console.log('close', fs.readFileSync('loopsim-empty.txt', 'utf8').length));
ws.end();
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
console.log('main');
