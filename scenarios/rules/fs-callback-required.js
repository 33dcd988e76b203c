// Rule: an fs call without a callback throws at once; its code and words are the version's
// (ERR_INVALID_CALLBACK before Node 18, with ". Received ..." from 12; ERR_INVALID_ARG_TYPE
// naming "cb" from 18).  fs.close's callback may be left out from Node 15 (14.x backport).
// Source: lib/fs.js makeCallback, close (defaultCloseCallback); lib/internal/errors.js.
const fs = require('fs');
for (const call of [() => fs.stat(__filename), () => fs.readFile(__filename), () => fs.writeFile('loopsim-x.txt', 'x')]) {
  try {
    call();
    console.log('no throw');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const fd = fs.openSync(__filename, 'r');
try {
  fs.close(fd);
  console.log('close without a callback');
} catch (e) {
  console.log(e.code, e.message);
  fs.closeSync(fd);
}
setImmediate(() => console.log('immediate'));
