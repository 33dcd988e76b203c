// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "setImmediate() vs setTimeout()", timeout_vs_immediate.js inside fs.readFile (mjs tab))
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: immediate timeout (always)
// timeout_vs_immediate.js
import fs from 'node:fs';

fs.readFile(import.meta.filename, () => {
  setTimeout(() => {
    console.log('timeout');
  }, 0);
  setImmediate(() => {
    console.log('immediate');
  });
});
