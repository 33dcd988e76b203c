// events.once(emitter, name[, {signal}]): a promise of the event's arguments, settled from
// inside emit; how many jobs after emit its .then runs (an async function on 15+, a plain
// promise before); the 'error' listener it adds and its rejection; the signal.
'use strict';
const events = require('events');
const { EventEmitter } = events;
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
log('once: ' + typeof events.once);
if (typeof events.once === 'function') {
  phases.push(() => {
    const ee = new EventEmitter();
    ee.on('newListener', (name) => log('newListener ' + String(name)));
    const p = events.once(ee, 'foo');
    log('listeners foo=' + ee.listenerCount('foo') + ' error=' + ee.listenerCount('error'));
    p.then((args) => log('once resolved ' + JSON.stringify(args)));
    ee.emit('foo', 1, 'two');
    log('after emit: foo=' + ee.listenerCount('foo') + ' error=' + ee.listenerCount('error'));
    chain('c', 4, next);
  });
  phases.push(() => {
    // emitted later, from a tick: the jobs between emit and .then
    const ee = new EventEmitter();
    events.once(ee, 'bar').then((args) => log('bar resolved ' + args.length));
    setImmediate(() => {
      ee.emit('bar');
      chain('d', 4, next);
    });
  });
  phases.push(() => {
    const ee = new EventEmitter();
    events.once(ee, 'foo').then(() => log('no'), (e) => log('rejected: ' + e.message));
    ee.emit('error', new Error('boom'));
    log('foo listeners after error: ' + ee.listenerCount('foo'));
    chain('e', 4);
    // waiting for 'error' itself: resolves with the error, no extra listener
    const ee2 = new EventEmitter();
    events.once(ee2, 'error').then(([err]) => log('error event resolved: ' + err.message));
    log('error listeners: ' + ee2.listenerCount('error'));
    ee2.emit('error', new Error('as value'));
    setImmediate(next);
  });
  phases.push(() => {
    if (typeof AbortController !== 'function') {
      log('no AbortController');
      next();
      return;
    }
    const ee = new EventEmitter();
    const ac = new AbortController();
    events.once(ee, 'foo', { signal: ac.signal })
      .then(() => log('no'), (e) => log('aborted: ' + e.name + ' ' + e.code + ' ' + e.message));
    log('foo listeners: ' + ee.listenerCount('foo'));
    ac.abort();
    log('foo listeners after abort: ' + ee.listenerCount('foo') + ' error=' + ee.listenerCount('error'));
    chain('f', 4);
    const ac2 = new AbortController();
    ac2.abort();
    events.once(ee, 'foo', { signal: ac2.signal })
      .then(() => log('no'), (e) => log('pre-aborted: ' + e.name));
    const ac3 = new AbortController();
    events.once(ee, 'foo', { signal: ac3.signal }).then((a) => log('with signal, emitted ' + a[0]));
    ee.emit('foo', 'x');
    ac3.abort();
    chain('g', 4);
    setImmediate(next);
  });
  phases.push(() => {
    // an EventTarget
    if (typeof EventTarget !== 'function') {
      log('no EventTarget');
      return;
    }
    const et = new EventTarget();
    events.once(et, 'ping').then(([ev]) => log('EventTarget once: ' + ev.type));
    et.dispatchEvent(new Event('ping'));
    chain('h', 4);
  });
  next();
}
