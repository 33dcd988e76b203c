// Source: https://github.com/zm8/blog-code/issues/161 ("Nodejs 事件循环机制(从一道题目理解)", zm8)
// Claimed answer: first: script start, async1 start, async2, promise1, promise2, script end; then: nextTick, async1 end, promise3 (the timers are discussed further in the post)
async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}

async function async2() {
  console.log('async2');
}

console.log('script start');

setTimeout(() => {
  console.log('setTimeout0');
}, 0);

setTimeout(() => {
  console.log('setTimeout3');
}, 3);

setImmediate(() => {
  console.log('setImmediate');
});

process.nextTick(() => {
  console.log('nextTick');
});

async1();

new Promise((resolve) => {
  console.log('promise1');
  resolve();
  console.log('promise2');
}).then(() => {
  console.log('promise3');
});

console.log('script end');
