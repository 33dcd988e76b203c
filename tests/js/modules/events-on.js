// events.on(emitter, name[, {signal}]): an async iterator; events emitted before next() are
// queued, next() before an event waits; return() ends it and resolves the waiting next()s;
// an 'error' event rejects; the signal aborts it.
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
log('on: ' + typeof events.on);
if (typeof events.on === 'function') {
  phases.push(() => {
    const ee = new EventEmitter();
    const it = events.on(ee, 'foo');
    log('listeners foo=' + ee.listenerCount('foo') + ' error=' + ee.listenerCount('error'));
    ee.emit('foo', 'a');
    ee.emit('foo', 'b', 'c');
    const p1 = it.next();
    const p2 = it.next();
    const p3 = it.next();
    p1.then((r) => log('p1 ' + JSON.stringify(r)));
    p2.then((r) => log('p2 ' + JSON.stringify(r)));
    p3.then((r) => log('p3 ' + JSON.stringify(r)));
    chain('c', 3);
    setImmediate(() => {
      ee.emit('foo', 'd');
      chain('d', 3);
      const p4 = it.next();
      const p5 = it.next();
      p4.then((r) => log('p4 ' + JSON.stringify(r)));
      p5.then((r) => log('p5 ' + JSON.stringify(r)));
      it.return().then((r) => log('return ' + JSON.stringify(r)));
      log('after return: foo=' + ee.listenerCount('foo') + ' error=' + ee.listenerCount('error'));
      it.next().then((r) => log('after return next ' + JSON.stringify(r)));
      setImmediate(next);
    });
  });
  phases.push(async () => {
    const ee = new EventEmitter();
    process.nextTick(() => {
      ee.emit('foo', 1);
      ee.emit('foo', 2);
      ee.emit('foo', 3);
      chain('t', 4);
    });
    for await (const [v] of events.on(ee, 'foo')) {
      log('for await ' + v);
      if (v === 3) break;
    }
    log('after loop: ' + ee.listenerCount('foo'));
    next();
  });
  phases.push(async () => {
    const ee = new EventEmitter();
    const it = events.on(ee, 'foo');
    const p = it.next();
    p.then((r) => log('pending then ' + JSON.stringify(r)), (e) => log('pending rejected ' + e.message));
    ee.emit('error', new Error('E1'));
    log('after error: foo=' + ee.listenerCount('foo'));
    it.next().then((r) => log('next after error ' + JSON.stringify(r)), (e) => log('next rejected ' + e.message));
    chain('e', 3);
    const ee2 = new EventEmitter();
    const it2 = events.on(ee2, 'foo');
    ee2.emit('foo', 'queued');
    ee2.emit('error', new Error('E2'));
    it2.next().then((r) => log('it2 a ' + JSON.stringify(r)), (e) => log('it2 a rejected ' + e.message));
    it2.next().then((r) => log('it2 b ' + JSON.stringify(r)), (e) => log('it2 b rejected ' + e.message));
    it2.next().then((r) => log('it2 c ' + JSON.stringify(r)), (e) => log('it2 c rejected ' + e.message));
    setImmediate(next);
  });
  phases.push(() => {
    if (typeof AbortController !== 'function') {
      log('no AbortController');
      return;
    }
    const ee = new EventEmitter();
    const ac = new AbortController();
    const it = events.on(ee, 'foo', { signal: ac.signal });
    it.next().then((r) => log('signal next ' + JSON.stringify(r)), (e) => log('signal next rejected ' + e.name));
    ac.abort();
    log('after abort: foo=' + ee.listenerCount('foo'));
    it.next().then((r) => log('signal next 2 ' + JSON.stringify(r)), (e) => log('signal next 2 rejected ' + e.name));
    chain('s', 3);
    const ac2 = new AbortController();
    ac2.abort();
    try {
      events.on(ee, 'foo', { signal: ac2.signal });
      log('no throw');
    } catch (e) {
      log('pre-aborted throws ' + e.name);
    }
  });
  next();
}
