// Source: https://github.com/nodejs/node/issues/38630 ("An order bug about microtask with promise.", comment by Ayase-252, 2021-05-11)
// Claimed answer: 2 1
Promise.resolve().then(() => {
  queueMicrotask(() => {
    console.log(2);
  });

  Promise.resolve().then(() => {
    console.log(1);
  });
});
