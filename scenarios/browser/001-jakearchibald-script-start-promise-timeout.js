// Source: https://jakearchibald.com/2015/tasks-microtasks-queues-and-schedules/ (first example, before "Try it"); author Jake Archibald
// Repository: jakearchibald/jakearchibald.com, path static-build/posts/2015/08/tasks-microtasks-queues-and-schedules/index.md, commit 558c26e00b6ebb5d091ceba2e1cfa7c605fb7c9e
// Claimed answer: "script start, script end, promise1, promise2, setTimeout"
// Also in: scenarios/quizzes/053 (Node corpus)
console.log('script start');

setTimeout(function () {
  console.log('setTimeout');
}, 0);

Promise.resolve()
  .then(function () {
    console.log('promise1');
  })
  .then(function () {
    console.log('promise2');
  });

console.log('script end');
