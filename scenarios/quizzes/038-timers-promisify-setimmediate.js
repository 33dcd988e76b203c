// Source: https://nodejs.org/docs/latest-v12.x/api/timers.html#timers_setimmediate_callback_args (util.promisify example
//   of the v8-v14 docs, doc/api/timers.md)
// Claimed answer: none given by the source
const util = require('util');
const setImmediatePromise = util.promisify(setImmediate);

setImmediatePromise('foobar').then((value) => {
  // value === 'foobar' (passing values is optional)
  // This is executed after all I/O callbacks.
});

// or with async function
async function timerExample() {
  console.log('Before I/O callbacks');
  await setImmediatePromise();
  console.log('After I/O callbacks');
}
timerExample();
