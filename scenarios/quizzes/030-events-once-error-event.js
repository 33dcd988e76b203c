// Source: https://nodejs.org/api/events.html#eventsonceemitter-name-options (waiting for 'error' itself)
// Repository: nodejs/node, path doc/api/events.md, commit ce73c0811ba1fe2a10d822e0c9a113889879fde6 (docs of the v15/v16 era)
// Claimed answer: ok boom
const { EventEmitter, once } = require('events');

const ee = new EventEmitter();

once(ee, 'error')
  .then(([err]) => console.log('ok', err.message))
  .catch((err) => console.log('error', err.message));

ee.emit('error', new Error('boom'));

// Prints: ok boom
