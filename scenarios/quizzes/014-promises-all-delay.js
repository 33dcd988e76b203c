// Source: https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs (Promise.all() with timers/promises)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: [ 'Data from API 1', 'Data from API 2' ]
const { setTimeout: delay } = require('node:timers/promises');

const fetchData1 = delay(1000).then(() => 'Data from API 1');
const fetchData2 = delay(2000).then(() => 'Data from API 2');

Promise.all([fetchData1, fetchData2])
  .then(results => {
    console.log(results); // ['Data from API 1', 'Data from API 2']
  })
  .catch(error => {
    console.error('Error:', error);
  });
