// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "Why use process.nextTick()?", MyEmitter with process.nextTick (cjs tab))
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: an event occurred!
const EventEmitter = require('node:events');

class MyEmitter extends EventEmitter {
  constructor() {
    super();

    // use nextTick to emit the event once a handler is assigned
    process.nextTick(() => {
      this.emit('event');
    });
  }
}

const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
