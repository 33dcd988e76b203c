// nextTick vs promise jobs vs queueMicrotask, interleaved from every phase
const log = (s) => console.log(s);
process.nextTick(() => { log('tick 1'); Promise.resolve().then(() => log('promise in tick')); process.nextTick(() => log('tick in tick')); });
Promise.resolve().then(() => { log('promise 1'); process.nextTick(() => log('tick in promise')); });
queueMicrotask(() => log('microtask'));
setTimeout(() => { log('timeout'); process.nextTick(() => log('tick in timeout')); Promise.resolve().then(() => log('promise in timeout')); }, 0);
setImmediate(() => { log('immediate'); setImmediate(() => log('immediate in immediate')); process.nextTick(() => log('tick in immediate')); });
(async () => { log('async start'); await null; log('after await 1'); await new Promise(r => setTimeout(r, 0)); log('after timeout await'); })();
log('sync end');
