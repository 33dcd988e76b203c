// Source: https://github.com/lyyh/bytedance/blob/master/前端题目/概念类/事件循环&宏任务&微任务/index_4.js
// Repository: lyyh/bytedance, path 前端题目/概念类/事件循环&宏任务&微任务/index_4.js, commit b72b26f0b4275f53a75dfca68b0eb0b7a3267269
// Claimed answer: "1 -> 4 -> 7 -> 5 -> 2 -> 3 -> 6" (comment at the end)
console.log(1)
 
setTimeout(() => {
  console.log(2);
  Promise.resolve().then(() => {
    console.log(3)
  });
}, 0);
 
new Promise((resolve) => {
  console.log(4);
  resolve();
}).then(() => {
  console.log(5);
  setTimeout(() => console.log(6), 0)
});
 
console.log(7);

// 1 -> 4 -> 7 -> 5 -> 2 -> 3 -> 6
