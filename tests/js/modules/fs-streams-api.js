// fs streams' values, not their timing: the data read and written (whole, in chunks, as text,
// through read(n) and pipe()), the properties a program may print (bytesRead, bytesWritten,
// path, pending, the high-water marks, readableFlowing, isPaused), fs.ReadStream and
// fs.WriteStream as classes, and the path's argument error (lib/internal/fs/streams.js,
// lib/internal/streams/readable.js and writable.js, lib/_stream_*.js before 14).
const fs = require('fs');
const name = 'loopsim-streams-api.txt';
fs.writeFileSync(name, 'abcdefghijklmnopqrstuvwxyz');
try {
  fs.createReadStream(42);
} catch (err) {
  console.log('path 42:', err.name, err.code);
}
const rs = fs.createReadStream(name, { highWaterMark: 5 });
console.log('ReadStream:', rs instanceof fs.ReadStream, typeof fs.ReadStream);
console.log('path', rs.path, 'hwm', rs.readableHighWaterMark, 'flowing', rs.readableFlowing);
console.log('paused', rs.isPaused(), 'readable', rs.readable, 'bytesRead', rs.bytesRead);
const chunks = [];
rs.on('data', (c) => chunks.push(c.toString()));
console.log('flowing after on(data)', rs.readableFlowing);
rs.on('end', () => {
  console.log('chunks', chunks.join('|'), 'bytesRead', rs.bytesRead);
  const ws = fs.createWriteStream('loopsim-streams-out.txt');
  console.log('WriteStream:', ws instanceof fs.WriteStream, 'writable', ws.writable,
              'hwm', ws.writableHighWaterMark);
  ws.write('one ');
  ws.write(Buffer.from('two '));
  ws.end('three', () => {
    console.log('written', ws.bytesWritten, fs.readFileSync('loopsim-streams-out.txt', 'utf8'));
    const r2 = fs.createReadStream(name);
    r2.setEncoding('utf8');
    r2.once('readable', () => {
      console.log('read(3)', r2.read(3), 'read(4)', r2.read(4), 'length', r2.readableLength);
      r2.pipe(fs.createWriteStream('loopsim-streams-copy.txt')).on('finish', () => {
        console.log('copied', fs.readFileSync('loopsim-streams-copy.txt', 'utf8'));
      });
    });
  });
});
