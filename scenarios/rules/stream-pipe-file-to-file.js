// Rule: pipe() emits 'pipe' on the destination at once and resumes the source; each chunk is
// written as it is read; the source's 'end' ends the destination, whose 'finish' follows its
// last write; each stream emits 'close' after its own close request.
// Source: lib/internal/streams/readable.js Readable.prototype.pipe (@v16.20.2 to @v22.23.3).
const fs = require('fs');
const rs = fs.createReadStream(__filename);
const ws = fs.createWriteStream('loopsim-stream-copy.txt');
rs.on('end', () => console.log('read end'));
rs.on('close', () => console.log('read close'));
ws.on('finish', () => console.log('write finish'));
ws.on('close', () => {
  console.log('write close');
  console.log('same:', fs.readFileSync('loopsim-stream-copy.txt', 'utf8') ===
                      fs.readFileSync(__filename, 'utf8'));
});
ws.on('pipe', () => console.log('pipe event'));
rs.pipe(ws);
setImmediate(() => console.log('immediate'));
console.log('main');
