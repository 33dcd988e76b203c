// Source: https://nodejs.org/api/events.html#awaiting-multiple-events-emitted-on-processnexttick
// Repository: nodejs/node, path doc/api/events.md, commit ce73c0811ba1fe2a10d822e0c9a113889879fde6 (docs of the v15/v16 era)
// Claimed answer: bar (the second once() never resolves, so neither foo nor done is printed)
const { EventEmitter, once } = require('events');

const myEE = new EventEmitter();

async function foo() {
  await once(myEE, 'bar');
  console.log('bar');

  // This Promise will never resolve because the 'foo' event will
  // have already been emitted before the Promise is created.
  await once(myEE, 'foo');
  console.log('foo');
}

process.nextTick(() => {
  myEE.emit('bar');
  myEE.emit('foo');
});

foo().then(() => console.log('done'));
