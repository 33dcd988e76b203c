// Source: https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs (Promise.any() with timers/promises)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: API 2 success
const { setTimeout: delay } = require('node:timers/promises');

const api1 = delay(2000).then(() => 'API 1 success');
const api2 = delay(1000).then(() => 'API 2 success');
const api3 = delay(1500).then(() => 'API 3 success');

Promise.any([api1, api2, api3])
  .then(result => {
    console.log(result); // 'API 2 success' (since it resolves first)
  })
  .catch(error => {
    console.error('All promises rejected:', error);
  });
