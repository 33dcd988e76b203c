// Source: https://github.com/Fundebug/fundebug-blog/issues/110 ("又被Node的Event Loop坑了，这次是Node的锅", by zy445566, reposted by Fundebug)
// Claimed answer: node 10: timer1 timer2 promise1 promise2; node 11: timer1 promise1 timer2 promise2
setTimeout(() => {
  console.log('timer1');
  Promise.resolve().then(function() {
    console.log('promise1');
  });
}, 0);
setTimeout(() => {
  console.log('timer2');
  Promise.resolve().then(function() {
    console.log('promise2');
  });
}, 0);
