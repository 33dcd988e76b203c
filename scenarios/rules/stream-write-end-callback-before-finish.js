// Rule: writes to a file write stream before it opens are buffered and go as one request
// (writev) once it is constructed; end(cb)'s cb runs just before the 'finish' listeners; the
// stream then closes its file and emits 'close' from a tick after the close completes.
// Source: lib/internal/streams/writable.js writeOrBuffer, clearBuffer, end, finish
// (callFinishedCallbacks before emit('finish')); lib/internal/fs/streams.js _writev
// (@v16.20.2, @v20.20.2, @v22.23.3).
const fs = require('fs');
const ws = fs.createWriteStream('loopsim-stream-out.txt');
for (const ev of ['open', 'ready', 'finish', 'close', 'drain']) {
  ws.on(ev, () => {
    console.log(ev);
    process.nextTick(() => console.log('  tick after', ev));
    setImmediate(() => console.log('  immediate after', ev));
  });
}
console.log('write1', ws.write('hello '));
console.log('write2', ws.write('world'));
ws.end('!', () => console.log('end callback'));
ws.on('close', () => console.log('contents:', fs.readFileSync('loopsim-stream-out.txt', 'utf8')));
setImmediate(() => console.log('immediate main'));
process.nextTick(() => console.log('tick main'));
console.log('main');
