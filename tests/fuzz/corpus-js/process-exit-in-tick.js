// process.exit inside a tick: the exit listener runs, nothing else does (not even its own promise)
process.on('exit', (c) => { console.log('exit', c); Promise.resolve().then(() => console.log('promise in exit (never)')); });
process.nextTick(() => { console.log('tick1'); process.exit(3); });
process.nextTick(() => console.log('tick2 (never)'));
Promise.resolve().then(() => console.log('promise (never)'));
setImmediate(() => console.log('immediate (never)'));
