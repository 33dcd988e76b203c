// Rule: fs.stat, fs.lstat, fs.access and fs.exists are one thread-pool request each; exists'
// callback gets one boolean (it is access with a callback that drops the error); a missing
// path is ENOENT in the error-first callback, with Node's message.
// Source: lib/fs.js stat, lstat, access, exists (suppressedCallback); lib/internal/errors.js
// uvException.
const fs = require('fs');
fs.stat(__filename, (err, s) => {
  console.log('stat', err, s.isFile(), s.isDirectory());
  fs.lstat('.', (err, s) => {
    console.log('lstat .', err, s.isDirectory());
    fs.access('loopsim-missing.txt', (err) => {
      console.log('access', err.code, err.syscall, err.errno, err.message);
      fs.exists(__filename, (yes) => {
        console.log('exists', yes);
        fs.exists('loopsim-missing.txt', (yes) => {
          console.log('exists missing', yes);
          fs.stat('loopsim-missing.txt', (err, s) => console.log('stat missing', err.message, s));
        });
      });
    });
  });
});
process.nextTick(() => console.log('tick'));
