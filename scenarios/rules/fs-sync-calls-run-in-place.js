// Rule: the *Sync calls run at once on the main thread, before any callback: no request, and
// their errors are thrown (ENOENT with the same words as the callbacks get).
// Source: lib/fs.js writeFileSync, appendFileSync, readFileSync, existsSync, statSync,
// readdirSync, mkdirSync, rmdirSync, unlinkSync, openSync, writeSync, closeSync.
const fs = require('fs');
const file = 'loopsim-sync.txt';
process.nextTick(() => console.log('tick'));
setImmediate(() => console.log('immediate'));
fs.writeFileSync(file, 'x');
fs.appendFileSync(file, 'y');
console.log('read', fs.readFileSync(file, 'utf8'), fs.readFileSync(file).length);
console.log('exists', fs.existsSync(file), fs.existsSync('loopsim-none.txt'));
console.log('size', fs.statSync(file).size, fs.statSync('.').isDirectory());
fs.mkdirSync('loopsim-sync-dir');
console.log('dir', fs.readdirSync('loopsim-sync-dir'));
fs.rmdirSync('loopsim-sync-dir');
const fd = fs.openSync(file, 'a');
console.log('wrote', fs.writeSync(fd, 'zz'));
fs.closeSync(fd);
console.log('now', fs.readFileSync(file, 'utf8'));
fs.unlinkSync(file);
try {
  fs.readFileSync(file);
} catch (e) {
  console.log('threw', e.code, e.message);
}
try {
  fs.closeSync(fd);
} catch (e) {
  console.log('closed twice', e.code, e.message);
}
console.log('main end');
