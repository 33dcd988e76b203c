// Source: https://github.com/nodejs/help/issues/3984 (the same program; the asker: "first one was performed like .mjs")
// Claimed answer: 2 3 1 5 4
process.nextTick(() => console.log(1));
Promise.resolve().then(() => console.log(2));
Promise.resolve().then(() => console.log(3));
setImmediate(() => {
  Promise.resolve().then(() => console.log(4));
  process.nextTick(() => console.log(5));
});
