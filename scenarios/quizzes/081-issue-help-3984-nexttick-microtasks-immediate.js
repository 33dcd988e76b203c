// Source: https://github.com/nodejs/help/issues/3984 ("Order of nextTicks and microtasks", dSalieri, Node 18.9.0)
// Claimed answer: 2 3 1 5 4 was seen when the file ran as .mjs; as CommonJS (run here as .js) the asker saw 1 2 3 5 4 for the code wrapped in setTimeout
process.nextTick(() => console.log(1));
Promise.resolve().then(() => console.log(2));
Promise.resolve().then(() => console.log(3));
setImmediate(() => {
  Promise.resolve().then(() => console.log(4));
  process.nextTick(() => console.log(5));
});
