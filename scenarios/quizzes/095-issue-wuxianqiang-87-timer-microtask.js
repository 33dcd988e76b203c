// Source: https://github.com/wuxianqiang/blog/issues/87 ("理解nodeJS中的Event loop", question 2 (第二题), 2018-12-31)
// Claimed answer: 1 setTimeout1 setTimeout2 p
console.log(1)
setTimeout(() => {
  console.log('setTimeout1')
  Promise.resolve('p').then((res) => console.log(res))
}, 0);
setTimeout(() => {
  console.log('setTimeout2')
}, 0);
