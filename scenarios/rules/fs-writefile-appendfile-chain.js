// Rule: fs.writeFile and fs.appendFile are three thread-pool requests each (open, write,
// close), fs.readFile four (open, fstat, read, close), fs.unlink one; each callback runs in a
// poll phase, so an immediate queued before them all runs first.
// Source: lib/fs.js writeFile, writeAll, appendFile, readFile, unlink (@v10.7.0 to @v24.21.0).
const fs = require('fs');
const file = 'loopsim-write-chain.txt';
setImmediate(() => console.log('immediate'));
fs.writeFile(file, 'one', (err) => {
  console.log('written', err);
  fs.appendFile(file, ' two', (err) => {
    console.log('appended', err);
    fs.readFile(file, 'utf8', (err, text) => {
      console.log('read', err, text);
      fs.unlink(file, (err) => {
        console.log('unlinked', err);
        fs.readFile(file, (err) => console.log('read again', err.code));
      });
    });
  });
});
console.log('main');
