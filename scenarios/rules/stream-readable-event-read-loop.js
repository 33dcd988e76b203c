// Rule: on('readable') switches the stream to paused mode: 'readable' comes from a tick after
// each chunk is buffered (emitReadable), read() takes what is buffered, and a last 'readable'
// at the end of the file (read() gives null) comes before 'end'.
// Source: lib/internal/streams/readable.js Readable.prototype.on('readable'), read,
// emitReadable_, onEofChunk (@v16.20.2, @v20.20.2, @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream(__filename);
rs.on('readable', () => {
  let chunk;
  let k = 0;
  while ((chunk = rs.read()) !== null) k++;
  console.log('readable', k);
  process.nextTick(() => console.log('  tick'));
  setImmediate(() => console.log('  immediate'));
});
rs.on('end', () => console.log('end'));
rs.on('close', () => console.log('close'));
console.log('main');
