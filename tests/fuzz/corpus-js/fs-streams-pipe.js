// fs streams under pause, resume, read(n), setEncoding, destroy and pipe (a fuzz seed)
const fs = require('fs');
fs.writeFileSync('seed.txt', 'x'.repeat(300) + 'é'.repeat(40));
const rs = fs.createReadStream('seed.txt', { highWaterMark: 64 });
rs.setEncoding('utf8');
let n = 0;
rs.on('data', (s) => {
  n += s.length;
  if (n > 100 && !rs.isPaused()) {
    rs.pause();
    setImmediate(() => rs.resume());
  }
});
rs.on('end', () => {
  const w = fs.createWriteStream('seed-copy.txt', { highWaterMark: 16 });
  w.on('drain', () => console.log('drain'));
  console.log(n, w.write('abc'.repeat(10)), w.writableLength);
  const r2 = fs.createReadStream('seed.txt');
  r2.once('readable', () => {
    console.log(r2.read(7).length);
    r2.pipe(w).on('close', () => console.log(fs.readFileSync('seed-copy.txt').length));
  });
});
rs.on('close', () => process.nextTick(() => console.log('closed', rs.destroyed)));
