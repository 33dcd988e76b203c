// Rule: when the last write's completion ends a write stream, 'finish' comes from a tick queued
// after the write's callback (so after that callback's own ticks) from Node 21.0.0 and 20.10.0;
// before, at once, before the callback's ticks.
// Source: lib/internal/streams/writable.js afterWrite -> finishMaybe(stream, state, true)
// @v20.20.2, @v22.23.3; finishMaybe(stream, state) @v16.20.2.
const fs = require('fs');
const ws = fs.createWriteStream('loopsim-finish-tick.txt');
ws.on('finish', () => console.log('finish'));
ws.on('close', () => console.log('close'));
ws.on('open', () => {
  ws.write('a', () => {
    console.log('write callback');
    process.nextTick(() => console.log('tick from the write callback'));
    Promise.resolve().then(() => console.log('promise from the write callback'));
  });
  ws.end();
});
