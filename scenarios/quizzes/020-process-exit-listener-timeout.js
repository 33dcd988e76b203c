// Source: https://nodejs.org/api/process.html#event-exit (cjs example, "the timeout will never occur")
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: nothing: "the timeout will never occur"
const process = require('node:process');

process.on('exit', (code) => {
  setTimeout(() => {
    console.log('This will not run');
  }, 0);
});
