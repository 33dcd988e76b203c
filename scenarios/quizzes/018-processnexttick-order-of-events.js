// Source: https://nodejs.org/en/learn/asynchronous-work/understanding-processnexttick ("An Example of the order of events" (page as of Nov 2024))
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/understanding-processnexttick.md, commit 83081efa4cde77626228c2709d2585cd554431af
// Claimed answer: Hello => number 1, Running at next tick => number 2, Running before the timeout => number 3, The timeout running last => number 4 ("The exact output may differ from run to run.")
console.log('Hello => number 1');

setImmediate(() => {
  console.log('Running before the timeout => number 3');
});

setTimeout(() => {
  console.log('The timeout running last => number 4');
}, 0);

process.nextTick(() => {
  console.log('Running at next tick => number 2');
});
