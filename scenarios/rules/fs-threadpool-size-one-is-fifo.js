// Rule: the thread pool has UV_THREADPOOL_SIZE threads, read when the first request starts it
// (process.env writes the real environment, so a program may set it first); with one thread
// the requests run one at a time, first queued first, so their callbacks come in that order,
// each in a poll phase with its ticks right after it.
// Source: libuv src/threadpool.c (init_threads: getenv("UV_THREADPOOL_SIZE"); one queue, each
// worker takes its head); lib/fs.js stat.
process.env.UV_THREADPOOL_SIZE = 1;
const fs = require('fs');
for (let i = 1; i <= 4; i++) {
  fs.stat(__filename, () => {
    console.log('stat', i);
    process.nextTick(() => console.log('tick', i));
  });
}
