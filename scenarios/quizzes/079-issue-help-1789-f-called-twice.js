// Source: https://github.com/nodejs/help/issues/1789 (comment by Hakerh400, 2019-02-22)
// Claimed answer: 1221
const f = () => {
  process.nextTick(() => console.log(1));
  Promise.resolve().then(() => console.log(2));
};
f();
Promise.resolve().then(f);
