// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "Why would that be allowed?", someAsyncApiCall with process.nextTick)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: bar 1
let bar = null;

function someAsyncApiCall(callback) {
  process.nextTick(callback);
}

someAsyncApiCall(() => {
  console.log('bar', bar); // 1
});

bar = 1;
