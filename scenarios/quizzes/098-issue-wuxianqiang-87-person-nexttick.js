// Source: https://github.com/wuxianqiang/blog/issues/87 (process.nextTick in a constructor example (last block))
// Claimed answer: none given by the source
function Person () {
  // 让特定的值在下一个队列中执行，好处就是优先级高于timeout
  process.nextTick(() => {
    this.arr()
  })
}
Person.prototype.eat = function eat(params) {
  this.arr = () => {
    console.log('eat')
  }
}

const p = new Person()
