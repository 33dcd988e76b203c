// Rule: the first request of the process starts the thread pool; that first round trip is
// sometimes slower than everything the main script and the ticks do before the first poll
// phase, so an fs.stat callback usually runs before the immediates but not always.
// Source: libuv src/threadpool.c (uv__work_submit -> uv_once(init_once) -> init_threads);
// issue 13's measurement (Node 20: the stat after the immediates in 3 of 30 runs).
const fs = require('fs');
fs.stat(__filename, () => console.log('stat'));
setImmediate(() => console.log('immediate 1'));
setImmediate(() => console.log('immediate 2'));
process.nextTick(() => console.log('tick 1'));
process.nextTick(() => console.log('tick 2'));
