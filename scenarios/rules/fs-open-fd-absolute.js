// Rule: the first file descriptor a program opens, with stdout a pipe: the number depends on
// the Node version (how many descriptors Node and libuv opened before the program ran).
// Source: POSIX open(2); profile.def first_fd (measured).
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
fs.open(__filename, 'r', (err, second) => {
  console.log(fd, second);
});
