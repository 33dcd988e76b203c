// EventEmitter: once, prepend, error event, newListener, listener removal during emit, captureRejections
const EventEmitter = require('events');
const { once, on } = require('node:events');
const e = new EventEmitter({ captureRejections: true });
e.on('newListener', (name) => console.log('newListener', name));
const a = () => { console.log('a'); e.off('x', b); };
const b = () => console.log('b (still called this time)');
e.on('x', a); e.on('x', b); e.prependListener('x', () => console.log('prepended'));
e.once('x', (...args) => console.log('once', args));
console.log(e.emit('x', 1, 2), e.emit('x'), e.listenerCount('x'), e.eventNames());
try { e.emit('error', new Error('unhandled error event')); } catch (err) { console.log('threw', err.message); }
e.on('async', async () => { throw new Error('rejected listener'); });
e.on('error', (err) => console.log('captured', err.message));
e.emit('async');
once(e, 'later').then(([v]) => console.log('once promise', v));
setImmediate(() => e.emit('later', 42));
class Sub extends EventEmitter { constructor() { super(); process.nextTick(() => this.emit('ready')); } }
new Sub().on('ready', () => console.log('ready'));
