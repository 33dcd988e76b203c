// Source: https://github.com/lyyh/bytedance/blob/master/前端题目/概念类/事件循环&宏任务&微任务/index_5.js
// Repository: lyyh/bytedance, path 前端题目/概念类/事件循环&宏任务&微任务/index_5.js, commit b72b26f0b4275f53a75dfca68b0eb0b7a3267269
// Claimed answer: "2 => pro => end => 3 => 4" (comment at the end)
const pro = new Promise((resolve, reject) => {
    const innerpro = new Promise((resolve, reject) => {
        setTimeout(() => {
            resolve(1);
        }, 0);
        console.log(2);
        resolve(3);
    });
    innerpro.then(res => console.log(res));
    resolve(4);
    console.log("pro");
})
pro.then(res => console.log(res));
console.log("end");
// 2 => pro => end => 3 => 4
