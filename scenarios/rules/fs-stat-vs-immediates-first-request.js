// Rule: the first request of the process starts the thread pool, whose new threads take it
// within a fraction of a millisecond on a machine with a core to spare: the fs.stat is done
// before the first poll phase (the ticks' first console.log alone takes milliseconds), so its
// callback runs before the immediates.  On a loaded machine the pool's warm-up can outlast that
// (issue 13 measured the stat after the immediates in 3 of 30 runs).
// Source: libuv src/threadpool.c (uv__work_submit -> uv_once(init_once) -> init_threads);
// issue 13's measurement (Node 20: the stat after the immediates in 3 of 30 runs).
const fs = require('fs');
fs.stat(__filename, () => console.log('stat'));
setImmediate(() => console.log('immediate 1'));
setImmediate(() => console.log('immediate 2'));
process.nextTick(() => console.log('tick 1'));
process.nextTick(() => console.log('tick 2'));
