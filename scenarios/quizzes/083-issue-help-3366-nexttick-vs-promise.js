// Source: https://github.com/nodejs/help/issues/3366 ("The order of promise and nextTick", helloking000)
// Claimed answer: Node 10.24.1: nextTick, promise resolve; Node 12.20.1: promise resolve, nextTick (a maintainer could not reproduce the latter)
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise resolve'))
