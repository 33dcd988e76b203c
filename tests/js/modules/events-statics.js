// The events module's own properties (Object.keys by version), its statics (listenerCount,
// errorMonitor, getEventListeners, setMaxListeners, defaultMaxListeners, captureRejectionSymbol)
// and the max-listeners warning, which process.emitWarning delivers from a tick.
'use strict';
const events = require('events');
const { EventEmitter } = events;
const log = (s) => console.log(s);
log(Object.keys(events).join(' '));
log('EventEmitter.EventEmitter ' + (EventEmitter === events && events.EventEmitter === events));
log('defaultMaxListeners ' + events.defaultMaxListeners);
log('errorMonitor ' + typeof events.errorMonitor + ' ' + String(events.errorMonitor));
log('captureRejectionSymbol ' + String(events.captureRejectionSymbol));
log('usingDomains ' + events.usingDomains);
const ee = new EventEmitter();
ee.on('x', () => {});
ee.on('x', () => {});
log('listenerCount static ' + EventEmitter.listenerCount(ee, 'x'));
if (events.errorMonitor) {
  ee.on(events.errorMonitor, (e) => log('monitor saw ' + e.message));
  ee.on('error', (e) => log('error listener saw ' + e.message));
  ee.emit('error', new Error('m1'));
  try {
    const lone = new EventEmitter();
    lone.on(events.errorMonitor, (e) => log('lone monitor saw ' + e.message));
    lone.emit('error', new Error('m2'));
  } catch (e) {
    log('still thrown: ' + e.message);
  }
}
if (typeof events.getEventListeners === 'function') {
  const fn = () => {};
  ee.on('y', fn);
  log('getEventListeners ' + (events.getEventListeners(ee, 'y')[0] === fn) + ' ' +
      events.getEventListeners(ee, 'x').length);
  if (typeof EventTarget === 'function') {
    const et = new EventTarget();
    et.addEventListener('z', fn);
    et.addEventListener('z', () => {});
    log('getEventListeners(EventTarget) ' + events.getEventListeners(et, 'z').length);
  }
}
if (typeof events.setMaxListeners === 'function') {
  const a = new EventEmitter();
  const b = new EventEmitter();
  events.setMaxListeners(3, a, b);
  log('setMaxListeners ' + a.getMaxListeners() + ' ' + b.getMaxListeners());
}
if (typeof events.getMaxListeners === 'function') {
  log('getMaxListeners ' + events.getMaxListeners(new EventEmitter()));
}
process.on('warning', (w) => {
  log('warning event: ' + w.name + ' | ' + w.message + ' | ' + w.count + ' ' + String(w.type));
});
const big = new EventEmitter();
for (let i = 0; i < 11; i++) big.on('foo', () => {});
log('11 listeners added');
process.nextTick(() => log('tick queued after the 11th listener'));
Promise.resolve().then(() => log('microtask after the 11th listener'));
for (let i = 0; i < 12; i++) big.on('foo', () => {});
const small = new EventEmitter();
small.setMaxListeners(1);
small.on(Symbol('sym'), () => {});
class Custom extends EventEmitter {}
const c = new Custom();
c.setMaxListeners(2);
c.on('bar', () => {});
c.on('bar', () => {});
c.on('bar', () => {});
log('end of main');
