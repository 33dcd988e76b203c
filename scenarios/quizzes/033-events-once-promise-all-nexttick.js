// Source: https://nodejs.org/api/events.html#awaiting-multiple-events-emitted-on-processnexttick (the Promise.all fix)
// Repository: nodejs/node, path doc/api/events.md, commit ce73c0811ba1fe2a10d822e0c9a113889879fde6 (docs of the v15/v16 era)
// Claimed answer: foo bar / done
const { EventEmitter, once } = require('events');

const myEE = new EventEmitter();

async function foo() {
  await Promise.all([once(myEE, 'bar'), once(myEE, 'foo')]);
  console.log('foo', 'bar');
}

process.nextTick(() => {
  myEE.emit('bar');
  myEE.emit('foo');
});

foo().then(() => console.log('done'));
