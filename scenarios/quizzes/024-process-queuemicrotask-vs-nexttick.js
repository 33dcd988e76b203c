// Source: https://nodejs.org/api/process.html#when-to-use-queuemicrotask-vs-processnexttick (cjs example)
// Repository: nodejs/node, path doc/api/process.md, commit c72aa1f00d14ed0e98a937e900ced2adba4654d7
// Claimed answer: nextTick resolve microtask
const { nextTick } = require('node:process');

Promise.resolve().then(() => console.log('resolve'));
queueMicrotask(() => console.log('microtask'));
nextTick(() => console.log('nextTick'));
// Output:
// nextTick
// resolve
// microtask
