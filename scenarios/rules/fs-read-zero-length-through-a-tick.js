// Rule: fs.read of length 0 makes no request: it calls back from process.nextTick with
// (null, 0, buffer), in the tick queue's order, so before promise reactions and timers.
// Source: lib/fs.js read: `if (length === 0) return process.nextTick(function tick() {
// callback(null, 0, buffer); })` (the same in 10.7.0, 12.22.12, 16.20.2, 22.23.3).
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
const buf = Buffer.alloc(4);
setTimeout(() => console.log('timeout'), 0);
Promise.resolve().then(() => console.log('promise'));
fs.read(fd, buf, 0, 0, null, (err, n, b) => console.log('read', err, n, b === buf));
process.nextTick(() => console.log('tick'));
console.log('main');
