// Source: https://github.com/jtwang7/JavaScript-Note/issues/49 ("JS 基础篇 - 宏任务与微任务 & EventLoop事件循环", comment of 2022-02-11)
// Claimed answer: script start, async1 start, async2, promise1, script end, async1 end, promise2, promise3, setTimeout
async1 = async () => {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}
function async2() {
  console.log('async2');
}
console.log('script start');
setTimeout(() => {
  console.log('setTimeout');
})
async1();
new Promise((resolve) => {
  console.log('promise1');
  resolve();
}).then(() => {
  console.log('promise2');
  return new Promise(function (resolve) {
    resolve();
  })
}).then((res) => {
  console.log('promise3');
})
console.log('script end');

/**
 * script start
 * async1 start
 * async2
 * promise1
 * script end
 * async1 end
 * promise2
 * promise3
 * setTimeout
 */
