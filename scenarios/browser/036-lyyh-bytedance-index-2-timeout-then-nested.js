// Source: https://github.com/lyyh/bytedance/blob/master/前端题目/概念类/事件循环&宏任务&微任务/index_2.js
// Repository: lyyh/bytedance, path 前端题目/概念类/事件循环&宏任务&微任务/index_2.js, commit b72b26f0b4275f53a75dfca68b0eb0b7a3267269
// Claimed answer: "then2 -> timeout1 -> then1 -> timeout2" (comment at the end)
setTimeout(() => {
    console.log('timeout1');
    Promise.resolve().then(data => {
        console.log('then1');
    });
}, 0);

Promise.resolve().then(data => {
    console.log('then2');
    setTimeout(() => {
        console.log('timeout2');
    }, 0);
});

// 打印顺序： then2 -> timeout1 -> then1 -> timeout2
