// Rule: fs.write on a descriptor is one request whose callback gets (err, bytesWritten, the
// string); fs.rename is one request; the old name is then ENOENT; fs.readFile of a directory
// opens it, fails to read it (EISDIR) and closes it.
// Source: lib/fs.js write (wrapper), rename.
const fs = require('fs');
fs.open('loopsim-a.txt', 'w', (err, fd) => {
  fs.write(fd, 'hello', (err, n, s) => {
    console.log('write', err, n, s);
    fs.close(fd, () => {
      fs.rename('loopsim-a.txt', 'loopsim-b.txt', (err) => {
        console.log('rename', err);
        fs.readFile('loopsim-b.txt', 'utf8', (err, text) => {
          console.log('read', text);
          fs.stat('loopsim-a.txt', (err) => {
            console.log('old name', err.code);
            fs.unlink('loopsim-b.txt', (err) => {
              console.log('unlink', err);
              fs.readFile('.', (err) => console.log('readFile of a directory', err.code, err.syscall));
            });
          });
        });
      });
    });
  });
});
