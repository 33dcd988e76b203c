// captureRejections: an async listener's rejection comes back as an 'error' event (or to
// [Symbol.for('nodejs.rejection')]) from a process.nextTick queued by a .then on its promise;
// without it, an unhandled rejection.
'use strict';
const events = require('events');
const { EventEmitter } = events;
const log = (s) => console.log(s);
function chain(tag, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
}
log('captureRejections ' + events.captureRejections);
let ee;
try {
  ee = new EventEmitter({ captureRejections: true });
} catch (e) {
  log('option refused: ' + e.code);
}
if (ee && events.captureRejectionSymbol) {
  ee.on('error', (err) => log('error event: ' + err.message));
  ee.on('foo', async (v) => {
    log('async listener ' + v);
    throw new Error('rejected ' + v);
  });
  ee.emit('foo', 1);
  process.nextTick(() => log('tick'));
  chain('c', 4);
  const ee2 = new EventEmitter({ captureRejections: true });
  ee2[events.captureRejectionSymbol] = (err, type, ...args) => {
    log('rejection handler: ' + err.message + ' ' + type + ' ' + args.join(','));
  };
  ee2.on('bar', () => Promise.reject(new Error('bar rejected')));
  ee2.emit('bar', 'x', 'y');
  try {
    new EventEmitter({ captureRejections: 'yes' });
  } catch (e) {
    log('bad option: ' + e.code);
  }
} else {
  log('no captureRejections');
}
