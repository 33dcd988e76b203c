// Source: https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs (Promise.withResolvers())
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-promises-in-nodejs.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: Success: Resolved successfully!
const { promise, resolve, reject } = Promise.withResolvers();

setTimeout(() => {
  resolve('Resolved successfully!');
}, 1000);

promise.then(value => {
  console.log('Success:', value);
});
