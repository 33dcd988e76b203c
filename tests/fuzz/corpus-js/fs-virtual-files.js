// A seed for the fuzzers: the fs module over loopsim's virtual file system, callbacks and *Sync
// forms, errors, descriptors and the pool's size (written for loopsim's fuzz corpus).
process.env.UV_THREADPOOL_SIZE = 2;
const fs = require('fs');
fs.mkdirSync('d');
fs.writeFileSync('d/a', 'aa');
fs.appendFileSync('d/a', 'b');
const fd = fs.openSync('d/a', 'r+');
fs.writeSync(fd, 'x');
fs.closeSync(fd);
try { fs.rmdirSync('d'); } catch (e) { console.log(e.code, e.message); }
fs.readdir('d', (err, names) => console.log(err, names));
fs.readFile('d/a', 'utf8', (err, s) => {
  console.log(err, s, fs.statSync('d/a').size, fs.existsSync('d/b'));
  fs.rename('d/a', 'd/b', () => fs.unlink('d/b', () => fs.rmdir('d', (e) => console.log('gone', e))));
});
fs.stat('missing', (err) => console.log(err.code, err.syscall, err.path));
fs.lstat('.', (err, s) => console.log(s.isDirectory()));
fs.access(__filename, fs.constants.R_OK, (err) => console.log('access', err));
fs.exists('nope', (yes) => console.log('exists', yes));
fs.open(__filename, 'r', (err, n) => fs.fstat(n, (e, s) => fs.close(n, () => console.log(s.isFile()))));
fs.writeFile('w', 'data', { flag: 'wx' }, (err) => fs.writeFile('w', 'again', { flag: 'wx' }, (e) => console.log(e.code)));
fs.writeSync(1, 'to stdout\n');
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
