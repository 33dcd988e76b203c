// Source: https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs (chaining with timers/promises setTimeout)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: First task completed, Second task completed
const { setTimeout: delay } = require('node:timers/promises');

const promise = delay(1000).then(() => 'First task completed');

promise
  .then(result => {
    console.log(result); // 'First task completed'
    return delay(1000).then(() => 'Second task completed'); // Return a second Promise
  })
  .then(result => {
    console.log(result); // 'Second task completed'
  })
  .catch(error => {
    console.error(error); // If any Promise is rejected, catch the error
  });
