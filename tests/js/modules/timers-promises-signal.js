// timers/promises setTimeout/setImmediate with an AbortSignal: an aborted signal rejects at
// once; abort() later clears the timer and rejects; with a signal the promise returned is
// wrapped in a finally chain (several jobs more), which a thenable value makes visible.
'use strict';
const log = (s) => console.log(s);
function chain(tag, n, done) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
  if (done) p.then(done);
}
function show(e) {
  const c = e.cause;
  return e.name + ' ' + e.code + ' ' + e.message +
    (c === undefined ? '' : ' cause=' + (c && c.name) + ':' + (c && c.message));
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
if (tp && typeof AbortController === 'function') {
  phases.push(() => {
    const ac0 = new AbortController();
    ac0.abort();
    tp.setTimeout(1, 'x', { signal: ac0.signal }).catch((e) => log('pre-aborted timeout: ' + show(e)));
    tp.setImmediate('x', { signal: ac0.signal }).catch((e) => log('pre-aborted immediate: ' + show(e)));
    chain('p', 3, next);
  });
  phases.push(() => {
    // aborted later, from the same callback: the rejection's place in a chain
    const ac = new AbortController();
    tp.setTimeout(50, 'late', { signal: ac.signal })
      .then((v) => log('late resolved ' + v), (e) => log('late rejected: ' + show(e)));
    const ac2 = new AbortController();
    tp.setImmediate('imm', { signal: ac2.signal })
      .then((v) => log('imm resolved ' + v), (e) => log('imm rejected: ' + show(e)));
    ac.abort();
    ac2.abort();
    chain('a', 9);
    setImmediate(() => {
      log('immediate after aborts');
      next();
    });
  });
  phases.push(() => {
    // resolved, with a signal: count the jobs with a thenable value
    const ac = new AbortController();
    const thenable = {
      then(resolve) {
        log('thenable.then');
        chain('s', 9, next);
        resolve('value');
      },
    };
    tp.setTimeout(1, thenable, { signal: ac.signal }).then((v) => log('with signal resolved ' + v));
  });
  phases.push(() => {
    const ac = new AbortController();
    const thenable = {
      then(resolve) {
        log('thenable.then (immediate)');
        chain('i', 9, () => {
          ac.abort();
          log('abort after resolution: nothing');
          next();
        });
        resolve('ivalue');
      },
    };
    tp.setImmediate(thenable, { signal: ac.signal }).then((v) => log('immediate with signal resolved ' + v));
  });
  phases.push(() => {
    // a signal object that logs what timers/promises does with it
    const fake = {
      aborted: false,
      addEventListener(type, fn, opts) { log('add ' + type + ' once=' + !!(opts && opts.once)); },
      removeEventListener(type) { log('remove ' + type); },
    };
    const thenable = { then(resolve) { chain('f', 8, next); resolve('fv'); } };
    tp.setTimeout(1, thenable, { signal: fake }).then((v) => log('fake signal resolved ' + v));
  });
  phases.push(() => {
    // bad arguments: rejected promises, not throws
    for (const args of [['x'], [1, 'v', 'opts'], [1, 'v', { signal: 'no' }], [1, 'v', { ref: 1 }]]) {
      let p;
      try {
        p = tp.setTimeout(...args);
      } catch (e) {
        log('threw ' + e.code);
        continue;
      }
      p.then((v) => log('resolved ' + v), (e) => log('rejected ' + e.code + ': ' + e.message));
    }
  });
  next();
} else {
  log('no AbortController');
}
