// Source: https://nodejs.org/api/process.html#event-beforeexit (cjs example)
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: This message is displayed first. / Process beforeExit event with code: 0 / Process exit event with code: 0
const process = require('node:process');

process.on('beforeExit', (code) => {
  console.log('Process beforeExit event with code: ', code);
});

process.on('exit', (code) => {
  console.log('Process exit event with code: ', code);
});

console.log('This message is displayed first.');

// Prints:
// This message is displayed first.
// Process beforeExit event with code: 0
// Process exit event with code: 0
