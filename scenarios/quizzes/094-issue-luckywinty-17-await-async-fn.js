// Source: https://github.com/LuckyWinty/fe-weekly-questions/issues/17 ("执行下面代码，输出什么？", LuckyWinty (code in the issue body, not in a code block))
// Claimed answer: "in theory": script start, async2 end, Promise, script end, promise1, promise2, async1 end, setTimeout; newer Chrome: script start, async2 end, Promise, script end, async1 end, promise1, promise2, setTimeout
console.log('script start')

async function async1() {
await async2()
console.log('async1 end')
}
async function async2() {
console.log('async2 end')
}
async1()

setTimeout(function() {
console.log('setTimeout')
}, 0)

new Promise(resolve => {
console.log('Promise')
resolve()
})
.then(function() {
console.log('promise1')
})
.then(function() {
console.log('promise2')
})

console.log('script end')
