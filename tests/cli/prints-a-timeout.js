// Node prints a Timeout's internal fields and async ids: loopsim refuses to guess them.
setTimeout(function () {
  console.log(this);
}, 1);
