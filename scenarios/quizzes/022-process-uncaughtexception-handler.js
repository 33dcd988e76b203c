// Source: https://nodejs.org/api/process.html#event-uncaughtexception (cjs example)
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: stderr: Caught exception: ReferenceError: nonexistentFunc is not defined / Exception origin: uncaughtException; stdout: This will still run. ("This will not run." is not printed)
const process = require('node:process');
const fs = require('node:fs');

process.on('uncaughtException', (err, origin) => {
  fs.writeSync(
    process.stderr.fd,
    `Caught exception: ${err}\n` +
    `Exception origin: ${origin}\n`,
  );
});

setTimeout(() => {
  console.log('This will still run.');
}, 500);

// Intentionally cause an exception, but don't catch it.
nonexistentFunc();
console.log('This will not run.');
