// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "setImmediate() vs setTimeout()", first timeout_vs_immediate.js)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: non-deterministic: "timeout immediate" or "immediate timeout" (both runs shown)
// timeout_vs_immediate.js
setTimeout(() => {
  console.log('timeout');
}, 0);

setImmediate(() => {
  console.log('immediate');
});
