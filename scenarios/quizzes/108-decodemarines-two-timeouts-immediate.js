// Source: https://github.com/decodemarines/NODE/blob/master/async/2-event-loop/example-1.js
// Repository: decodemarines/NODE, path async/2-event-loop/example-1.js, commit ef47162cb3eb3299af3e519f151e84f82f1dfe31
// Claimed answer: random: timeout1 immediate timeout2, or immediate timeout1 timeout2
// Timeout
// console.time('timeout');
setTimeout(() => {
    console.log('timeout1');
    // console.timeEnd('timeout');
}, 0);

setTimeout(() => {
    console.log('timeout2');
}, 0);

// Immediate
setImmediate(() => {
    console.log('immediate');
});

// Random output

// First variant
// timeout1
// immediate
// timeout2

// Second variant
// immediate
// timeout1
// timeout2
