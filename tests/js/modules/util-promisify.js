// util.promisify: a callback API as a promise (settled from inside the callback), the custom
// form (util.promisify.custom) used as is, and setTimeout/setImmediate's custom forms (in
// lib/timers.js on 10-14, timers/promises' functions from 15 on).
'use strict';
const util = require('util');
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
log('custom ' + (util.promisify.custom === Symbol.for('nodejs.util.promisify.custom')));
log('setTimeout has custom ' + (typeof setTimeout[util.promisify.custom]));
log('setImmediate has custom ' + (typeof setImmediate[util.promisify.custom]));
phases.push(() => {
  function later(v, cb) { setImmediate(() => cb(null, v)); }
  function now(v, cb) { cb(null, v, 'extra'); }
  function fails(cb) { process.nextTick(() => cb(new Error('nope'))); }
  function throws() { throw new Error('sync throw'); }
  const pl = util.promisify(later);
  const pn = util.promisify(now);
  log('promisified name/length ' + pl.name + ' ' + pl.length + ' ' + (util.promisify(later) === pl));
  pl('L').then((v) => log('later ' + v));
  pn('N').then((v) => log('now ' + v));
  util.promisify(fails)().catch((e) => log('fails ' + e.message));
  util.promisify(throws)().catch((e) => log('throws ' + e.message));
  process.nextTick(() => log('tick'));
  chain('c', 3);
  setImmediate(() => {
    log('immediate');
    setImmediate(next);
  });
});
phases.push(() => {
  function withCustom() {}
  withCustom[util.promisify.custom] = function custom(v) {
    log('custom called ' + v);
    return Promise.resolve('custom ' + v);
  };
  const p = util.promisify(withCustom);
  log('custom returned as is ' + (p === withCustom[util.promisify.custom]));
  p('x').then((v) => log(v));
  try {
    util.promisify(42);
  } catch (e) {
    log('not a function: ' + e.code);
  }
  chain('d', 2, next);
});
phases.push(() => {
  const sleep = util.promisify(setTimeout);
  const immediate = util.promisify(setImmediate);
  log('same as timers/promises ' + (() => {
    try {
      return sleep === require('timers/promises').setTimeout;
    } catch (e) {
      return 'n/a';
    }
  })());
  sleep(1, 'slept').then((v) => log('sleep ' + v));
  immediate('imm').then((v) => log('immediate ' + v));
  setImmediate(() => log('plain immediate'));
  setTimeout(() => log('plain timeout'), 1);
  process.nextTick(() => log('tick'));
  chain('e', 2);
  (async () => {
    log('before await');
    await immediate();
    log('after await immediate');
    const v = await sleep(2, 'done');
    log('after await sleep ' + v);
  })();
});
next();
