// an unhandled rejection ends the process with code 1; the timer never runs
setTimeout(() => console.log('never'), 10);
async function fail() { await null; throw new TypeError('async failure'); }
fail();
process.nextTick(() => console.log('tick runs first'));
