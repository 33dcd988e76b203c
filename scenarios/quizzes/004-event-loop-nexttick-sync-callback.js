// Source: https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick (section "Why would that be allowed?", someAsyncApiCall that calls back synchronously)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/event-loop-timers-and-nexttick.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: bar null
let bar = null;

// this has an asynchronous signature, but calls callback synchronously
function someAsyncApiCall(callback) {
  callback();
}

// the callback is called before `someAsyncApiCall` completes.
someAsyncApiCall(() => {
  // since someAsyncApiCall hasn't completed, bar hasn't been assigned any value
  console.log('bar', bar); // null
});

bar = 1;
