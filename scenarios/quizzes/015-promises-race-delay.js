// Source: https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs (Promise.race() with timers/promises)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: Task 2 done
const { setTimeout: delay } = require('node:timers/promises');

const task1 = delay(2000).then(() => 'Task 1 done');
const task2 = delay(1000).then(() => 'Task 2 done');

Promise.race([task1, task2]).then(result => {
  console.log(result); // 'Task 2 done' (since task2 finishes first)
});
