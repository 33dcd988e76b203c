// Source: https://github.com/wuxianqiang/blog/issues/87 (fs.readFile example)
// Claimed answer: fs setImmediate setTimeout
let fs = require('fs')
fs.readFile('./test.js', () => {
  console.log('fs')
  setTimeout(() => {
    console.log('setTimeout')
  }, 0)
  setImmediate(() => {
    console.log('setImmediate')
  })
})
