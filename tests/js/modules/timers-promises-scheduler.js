// timers/promises scheduler.wait(delay, {signal}) is setTimeout(delay, undefined, options);
// scheduler.yield() is setImmediate().
'use strict';
const log = (s) => console.log(s);
function chain(tag, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
}
let tp;
try {
  tp = require('timers/promises');
} catch (e) {
  log('require: ' + e.code);
}
if (tp && tp.scheduler) {
  const { scheduler } = tp;
  log(typeof scheduler.wait + ' ' + typeof scheduler.yield);
  setTimeout(() => {
    scheduler.yield().then((v) => log('yield resolved ' + v));
    scheduler.wait(1).then((v) => log('wait resolved ' + v));
    setImmediate(() => log('immediate after yield'));
    setTimeout(() => log('timeout after wait'), 1);
    process.nextTick(() => log('tick'));
    chain('m', 2);
    const ac = new AbortController();
    scheduler.wait(10, { signal: ac.signal }).catch((e) => log('wait aborted ' + e.name));
    ac.abort();
    chain('w', 7);
    try {
      const { wait } = scheduler;
      wait(1);
    } catch (e) {
      log('detached wait: ' + e.code);
    }
  }, 1);
} else {
  log('no scheduler');
}
