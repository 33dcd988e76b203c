// Rule: mkdir, readdir, unlink and rmdir are one thread-pool request each; rmdir of a
// directory that is not empty is ENOTEMPTY, readdir of a missing one ENOENT (syscall scandir),
// mkdir of one that exists EEXIST.
// Source: lib/fs.js mkdir, readdir, rmdir, unlink; libuv uv_fs_scandir.
const fs = require('fs');
const dir = 'loopsim-dir';
fs.mkdir(dir, (err) => {
  console.log('mkdir', err);
  fs.writeFile(dir + '/b.txt', 'b', () => {
    fs.writeFile(dir + '/a.txt', 'a', () => {
      fs.readdir(dir, (err, names) => {
        console.log('readdir', err, names.sort());
        fs.rmdir(dir, (err) => {
          console.log('rmdir full', err.code);
          fs.unlink(dir + '/a.txt', () => fs.unlink(dir + '/b.txt', () => fs.rmdir(dir, (err) => {
            console.log('rmdir', err);
            fs.readdir(dir, (err) => {
              console.log('readdir gone', err.code, err.syscall);
              fs.mkdir('.', (err) => console.log('mkdir .', err.code));
            });
          })));
        });
      });
    });
  });
});
