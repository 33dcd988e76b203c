// Source: https://github.com/wuxianqiang/blog/issues/87 (question 3 (第3题))
// Claimed answer: setImmediate1 setTimeout2 setTimeout1 setImmediate2
setImmediate(() => {
  console.log('setImmediate1')
  setTimeout(() => {
    console.log('setTimeout1')
  }, 0);
})

setTimeout(() => {
  console.log('setTimeout2')
  setImmediate(() => {
    console.log('setImmediate2')
  });
}, 0)
