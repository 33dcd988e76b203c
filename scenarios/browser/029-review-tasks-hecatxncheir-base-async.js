// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@hecatxncheir/2-base-async.js
// Repository: Hecatxncheir/review-tasks, path js/async/@hecatxncheir/2-base-async.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "1, async, 2, start, end, async timeout, then1, then2, timeout" (comment at the end)
setTimeout(() => console.log('start'))

console.log(1)

new Promise((resolve) => {
  console.log('async')
  
  setTimeout(() => {
    console.log('async timeout')
    resolve()
  }, 5)
})
  .then(() => console.log('then1'))
  .then(() => console.log('then2'))

console.log(2)

setTimeout(() => console.log('timeout'), 5)

setTimeout(() => console.log('end'))



// 1, async, 2, start, end, async timeout, then1, then2, timeout
