// Source: https://nodejs.org/api/timers.html#cancelling-timers (setImmediate, cjs example)
// Repository: nodejs/node, path doc/api/timers.md, commit 9d904e9633b7a4846fc88fad67388ce4435545f4
// Claimed answer: The immediate was aborted (on stderr)
const { setImmediate: setImmediatePromise } = require('node:timers/promises');

const ac = new AbortController();
const signal = ac.signal;

setImmediatePromise('foobar', { signal })
  .then(console.log)
  .catch((err) => {
    if (err.name === 'AbortError')
      console.error('The immediate was aborted');
  });

ac.abort();
