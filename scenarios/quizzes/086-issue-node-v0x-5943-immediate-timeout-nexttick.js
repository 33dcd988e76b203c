// Source: https://github.com/nodejs/node-v0.x-archive/issues/5943 ("timers: set{Immediate,Timeout} and general event loop clarification", trevnorris, 2013)
// Claimed answer: nextTick, setTimeout, setImmediate
setImmediate(function() { console.log('setImmediate'); });
setTimeout(function() { console.log('setTimeout'); }, 0);
process.nextTick(function() { console.log('nextTick'); });

// output:
// nextTick
// setTimeout
// setImmediate
