// Source: https://nodejs.org/api/events.html#emitteremiteventname-args
// Repository: nodejs/node, path doc/api/events.md, commit ce73c0811ba1fe2a10d822e0c9a113889879fde6 (docs of the v15/v16 era)
// Claimed answer: [ [Function: firstListener], [Function: secondListener], [Function: thirdListener] ] / Helloooo! first listener / event with parameters 1, 2 in second listener / event with parameters 1, 2, 3, 4, 5 in third listener
const EventEmitter = require('events');
const myEmitter = new EventEmitter();

// First listener
myEmitter.on('event', function firstListener() {
  console.log('Helloooo! first listener');
});
// Second listener
myEmitter.on('event', function secondListener(arg1, arg2) {
  console.log(`event with parameters ${arg1}, ${arg2} in second listener`);
});
// Third listener
myEmitter.on('event', function thirdListener(...args) {
  const parameters = args.join(', ');
  console.log(`event with parameters ${parameters} in third listener`);
});

console.log(myEmitter.listeners('event'));

myEmitter.emit('event', 1, 2, 3, 4, 5);

// Prints:
// [
//   [Function: firstListener],
//   [Function: secondListener],
//   [Function: thirdListener]
// ]
// Helloooo! first listener
// event with parameters 1, 2 in second listener
// event with parameters 1, 2, 3, 4, 5 in third listener
