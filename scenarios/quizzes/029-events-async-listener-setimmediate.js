// Source: https://nodejs.org/api/events.html#asynchronous-vs-synchronous (cjs example; text as in the v24 docs,
//   seen in the nodejs.cn copy https://nodejs.cn/api/v24/events/1.html)
// Claimed answer: this happens asynchronously
const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}
const myEmitter = new MyEmitter();
myEmitter.on('event', (a, b) => {
  setImmediate(() => {
    console.log('this happens asynchronously');
  });
});
myEmitter.emit('event', 'a', 'b');
