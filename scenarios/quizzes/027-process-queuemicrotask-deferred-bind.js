// Source: https://nodejs.org/api/process.html#when-to-use-queuemicrotask-vs-processnexttick (queueMicrotask with a bound function)
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: start scheduled microtask 3
function deferred(a, b) {
  console.log('microtask', a + b);
}

console.log('start');
queueMicrotask(deferred.bind(undefined, 1, 2));
console.log('scheduled');
// Output:
// start
// scheduled
// microtask 3
