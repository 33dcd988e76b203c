// Source: https://github.com/nodejs/node/issues/23773 ("setTimeouts are not dispatched in separate tasks", aslushnikov, Node 8 and 10)
// Claimed answer: web: task1: settimeout, task1: promise resolved, task2: settimeout; Node (flaky): sometimes task1: settimeout, task2: settimeout, task1: promise resolved
let resolve;
const promise = new Promise(x => resolve = x);
promise.then(() => console.log('task1: promise resolved'));

setTimeout(() => {
  console.log('task1: settimeout');
  resolve();
}, 0);
setTimeout(() => console.log('task2: settimeout'), 0);
