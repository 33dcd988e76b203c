// Source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options (cjs example)
// Repository: nodejs/node, path doc/api/timers.md, commit 9d904e9633b7a4846fc88fad67388ce4435545f4
// Claimed answer: result
const {
  setTimeout,
} = require('node:timers/promises');

setTimeout(100, 'result').then((res) => {
  console.log(res);  // Prints 'result'
});
