// Source: https://github.com/lyyh/bytedance/blob/master/前端题目/概念类/事件循环&宏任务&微任务/test.js
// Repository: lyyh/bytedance, path 前端题目/概念类/事件循环&宏任务&微任务/test.js, commit b72b26f0b4275f53a75dfca68b0eb0b7a3267269
// Claimed answer: none given by the source
async function async1(params) {
    console.log('async 1')
    await async2()
    console.log("after await")
}

async function async2(params) {
    console.log('async 2')
}

Promise.resolve().then(() => console.log('promise then'))

async1()
