// timers/promises setInterval: an async generator over a repeating timer; ticks not yet
// consumed are counted and yielded one after another; break (return()) clears the timer;
// abort() rejects the pending next() and ends the iteration with an AbortError.
'use strict';
const log = (s) => console.log(s);
function chain(tag, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
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
if (tp && typeof tp.setInterval === 'function') {
  phases.push(async () => {
    let n = 0;
    for await (const v of tp.setInterval(5, 'tick-value')) {
      n++;
      log('iteration ' + n + ' ' + v);
      process.nextTick(() => log('tick in iteration ' + n));
      chain('it' + n, 2);
      if (n === 3) break;
    }
    log('loop done');
    setImmediate(() => {
      log('immediate after loop');
      next();
    });
  });
  phases.push(async () => {
    // the iterator by hand: next() before and after the timer fired
    const it = tp.setInterval(2, 'v');
    const p1 = it.next();
    log('next() called');
    p1.then((r) => log('p1 ' + r.value + ' ' + r.done));
    setTimeout(async () => {
      // two intervals passed without a consumer: both are yielded in turn
      const r2 = await it.next();
      log('r2 ' + r2.value + ' ' + r2.done);
      const r3 = await it.next();
      log('r3 ' + r3.value + ' ' + r3.done);
      const r4 = await it.return('ret');
      log('r4 ' + r4.value + ' ' + r4.done);
      const r5 = await it.next();
      log('r5 ' + r5.value + ' ' + r5.done);
      next();
    }, 7);
  });
  phases.push(() => {
    const ac = new AbortController();
    const it = tp.setInterval(3, 'w', { signal: ac.signal });
    it.next().then((r) => log('first ' + r.value), (e) => log('first rejected ' + e.name));
    setTimeout(() => {
      // no next() pending: the abort is seen by the next call
      ac.abort();
      log('aborted');
      chain('ab', 4);
      it.next().then((r) => log('after abort ' + r.value + ' ' + r.done),
        (e) => log('after abort rejected ' + e.name + ' ' + e.code));
      it.next().then((r) => log('then ' + r.value + ' ' + r.done), (e) => log('then rejected'));
    }, 4);
    setTimeout(() => {
      const ac2 = new AbortController();
      const it2 = tp.setInterval(100, 'z', { signal: ac2.signal });
      // a pending next() when the abort comes
      it2.next().then((r) => log('pending ' + r.value), (e) => log('pending rejected ' + e.name));
      setTimeout(() => {
        ac2.abort();
        chain('pa', 6);
        setImmediate(next);
      }, 2);
    }, 20);
  });
  phases.push(() => {
    const ac = new AbortController();
    ac.abort();
    const it = tp.setInterval(1, 'q', { signal: ac.signal });
    log('made with aborted signal');
    it.next().then(() => log('no'), (e) => log('aborted at first next ' + e.name));
    chain('q', 3);
  });
  next();
} else {
  log('no timers/promises setInterval');
}
