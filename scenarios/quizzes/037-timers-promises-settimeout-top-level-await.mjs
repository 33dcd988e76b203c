// Source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options (mjs example)
// Repository: nodejs/node, path doc/api/timers.md, commit 9d904e9633b7a4846fc88fad67388ce4435545f4
// Claimed answer: result
import {
  setTimeout,
} from 'node:timers/promises';

const res = await setTimeout(100, 'result');

console.log(res);  // Prints 'result'
