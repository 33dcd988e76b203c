// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/await (section "Control flow effects of await", queueMicrotask example)
// Repository: mdn/content, path files/en-us/web/javascript/reference/operators/await/index.md, commit 25a90ff34ad613b799eec12a212966eb0033e6e6
// Claimed answer: async function start, script sync part end, microtask 1, async function resume 1, queueMicrotask() after calling async function, microtask 2, async function resume 2, microtask 3, async function end
// Also in: scenarios/quizzes/041-mdn-await-queuemicrotask-interleaving.js (Node corpus; same text, header copied from there)
let i = 0;

queueMicrotask(function test() {
  i++;
  console.log("microtask", i);
  if (i < 3) {
    queueMicrotask(test);
  }
});

(async () => {
  console.log("async function start");
  for (let i = 1; i < 3; i++) {
    await null;
    console.log("async function resume", i);
  }
  await null;
  console.log("async function end");
})();

queueMicrotask(() => {
  console.log("queueMicrotask() after calling async function");
});

console.log("script sync part end");

// Logs:
// async function start
// script sync part end
// microtask 1
// async function resume 1
// queueMicrotask() after calling async function
// microtask 2
// async function resume 2
// microtask 3
// async function end
