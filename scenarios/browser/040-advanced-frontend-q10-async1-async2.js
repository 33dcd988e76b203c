// Source: https://github.com/Advanced-Frontend/Daily-Interview-Question/blob/master/datum/summary.md (第 10 题：异步笔试题, question 10)
// Repository: Advanced-Frontend/Daily-Interview-Question, path datum/summary.md, commit 46a268536dc0918c2dd466d1b8421f78f4d99c0d
// Claimed answer: none given by the source (the page links the answer thread, issue #7, which was not read)
async function async1() {
    console.log('async1 start');
    await async2();
    console.log('async1 end');
}
async function async2() {
    console.log('async2');
}
console.log('script start');
setTimeout(function() {
    console.log('setTimeout');
}, 0)
async1();
new Promise(function(resolve) {
    console.log('promise1');
    resolve();
}).then(function() {
    console.log('promise2');
});
console.log('script end');
