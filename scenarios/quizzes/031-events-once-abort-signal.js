// Source: https://nodejs.org/api/events.html#eventsonceemitter-name-options (AbortSignal example)
// Repository: nodejs/node, path doc/api/events.md, commit ce73c0811ba1fe2a10d822e0c9a113889879fde6 (docs of the v15/v16 era)
// Claimed answer: Waiting for the event was canceled! (on stderr)
const { EventEmitter, once } = require('events');

const ee = new EventEmitter();
const ac = new AbortController();

async function foo(emitter, event, signal) {
  try {
    await once(emitter, event, { signal });
    console.log('event emitted!');
  } catch (error) {
    if (error.name === 'AbortError') {
      console.error('Waiting for the event was canceled!');
    } else {
      console.error('There was an error', error.message);
    }
  }
}

foo(ee, 'foo', ac.signal);
ac.abort(); // Abort waiting for the event
ee.emit('foo'); // Prints: Waiting for the event was canceled!
