// Source: https://github.com/luoxue-victor/my-blog/issues/64 ("浏览器跟node的 event loop 区别", luoxue-victor)
// Claimed answer: nextTick=>nextTick=>nextTick=>nextTick=>timer1=>promise1
setTimeout(() => {
 console.log('timer1')
 Promise.resolve().then(function() {
   console.log('promise1')
 })
}, 0)
process.nextTick(() => {
 console.log('nextTick')
 process.nextTick(() => {
   console.log('nextTick')
   process.nextTick(() => {
     console.log('nextTick')
     process.nextTick(() => {
       console.log('nextTick')
     })
   })
 })
})
// nextTick=>nextTick=>nextTick=>nextTick=>timer1=>promise1
