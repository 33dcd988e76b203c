// Source: https://github.com/lyyh/bytedance/blob/master/前端题目/概念类/事件循环&宏任务&微任务/index_1.js
// Repository: lyyh/bytedance, path 前端题目/概念类/事件循环&宏任务&微任务/index_1.js, commit b72b26f0b4275f53a75dfca68b0eb0b7a3267269
// Claimed answer: "start => then => timeout => setTimeout then" (comment at the end)
setTimeout(() => {
    console.log('timeout');
}, 0);

Promise.resolve().then(data => {
    console.log('then');
});

var promise = new Promise(function (resolve) {
    setTimeout(() => {
        resolve('setTimeout then')
    });
})

promise.then(data => console.log(data))

console.log('start');

// 打印出现 start => then => timeout => setTimeout then
