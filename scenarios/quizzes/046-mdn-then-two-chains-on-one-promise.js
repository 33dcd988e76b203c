// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/then (section "Chaining", p2 example)
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/then/index.md, commit 2d6c0392597ed1125d68f91e0b724381e429d764
// Claimed answer: comments in source order: 1, 2 - A synchronous value works, 1
const p2 = new Promise((resolve, reject) => {
  resolve(1);
});

p2.then((value) => {
  console.log(value); // 1
  return value + 1;
}).then((value) => {
  console.log(value, " - A synchronous value works"); // 2 - A synchronous value works
});

p2.then((value) => {
  console.log(value); // 1
});
