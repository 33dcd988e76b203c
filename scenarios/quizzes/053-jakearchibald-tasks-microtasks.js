// Source: https://jakearchibald.com/2015/tasks-microtasks-queues-and-schedules/ (first example); author Jake Archibald
// Repository: jakearchibald/jakearchibald.com, path static-build/posts/2015/08/tasks-microtasks-queues-and-schedules/index.md, commit 84218213c70d670403be461199f7ad3f1325689d
// Claimed answer: script start, script end, promise1, promise2, setTimeout
console.log('script start');

setTimeout(function() {
  console.log('setTimeout');
}, 0);

Promise.resolve().then(function() {
  console.log('promise1');
}).then(function() {
  console.log('promise2');
});

console.log('script end');
