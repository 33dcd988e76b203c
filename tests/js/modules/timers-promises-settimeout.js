// timers/promises setTimeout: the promise is resolved by the timer itself (one job to a
// .then), the value is passed through, a thenable value adds the resolve-thenable job, ref:false.
// Phases run one after another, each started from the last callback of the one before, inside
// a timer, so that the order is deterministic.
'use strict';
const log = (s) => console.log(s);
function chain(tag, n, done) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
  if (done) p.then(done);
}
const phases = [];
function next() {
  const f = phases.shift();
  if (f) setTimeout(f, 1);
}
let tp;
try {
  tp = require('timers/promises');
} catch (e) {
  log('require: ' + e.code);
}
if (tp) {
  log(Object.keys(tp).join(','));
  phases.push(() => {
    log('timer start');
    tp.setTimeout(0, 'v1').then((v) => log('tp.setTimeout resolved ' + v));
    setTimeout(() => {
      log('setTimeout(0) A');
      process.nextTick(() => log('A tick'));
      chain('A', 2);
    }, 0);
    tp.setTimeout(1).then((v) => {
      log('tp.setTimeout no value ' + v);
      next();
    });
    setImmediate(() => log('immediate'));
    process.nextTick(() => log('tick'));
    chain('main', 3);
  });
  phases.push(() => {
    // a thenable value: its then runs one job after the timer, and the chain started there
    // shows how many jobs later the promise settles
    const thenable = {
      then(resolve) {
        log('thenable.then');
        chain('c', 4, next);
        resolve('from thenable');
      },
    };
    tp.setTimeout(2, thenable).then((v) => log('resolved ' + v));
  });
  phases.push(() => {
    // awaited in an async function, next to ticks and immediates
    (async () => {
      log('async start');
      const v = await tp.setTimeout(1, 'awaited');
      log('async got ' + v);
      process.nextTick(() => log('tick after await'));
      await null;
      log('async after await null');
      next();
    })();
    setImmediate(() => log('immediate in phase 3'));
  });
  phases.push(() => {
    // setImmediate(value): resolved by the immediate itself, between the other immediates
    setImmediate(() => log('immediate 1'));
    tp.setImmediate('iv').then((v) => {
      log('tp.setImmediate resolved ' + v);
      process.nextTick(() => log('tick from its then'));
    });
    setImmediate(() => {
      log('immediate 2');
      next();
    });
    setTimeout(() => log('timeout 0 in phase 4'), 0);
    chain('i', 2);
  });
  phases.push(() => {
    const unrefd = tp.setTimeout(1000, 'never', { ref: false });
    unrefd.then((v) => log('unref resolved ' + v));
    log('unref timer made');
  });
  next();
}
