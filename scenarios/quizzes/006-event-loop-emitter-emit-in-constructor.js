// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "Why use process.nextTick()?", MyEmitter emitting in its constructor (cjs tab))
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: nothing is printed (the listener is added after the event was emitted)
const EventEmitter = require('node:events');

class MyEmitter extends EventEmitter {
  constructor() {
    super();
    this.emit('event');
  }
}

const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
