// Source: https://github.com/nodejs/node-v0.x-archive/issues/14820 ("confused about the order of setImmediate, setTimeout and process.nextTick", DavidCai1993, node v0.12.0)
// Claimed answer: console, nextTick 1, nextTick 2, timeout, setImmediate 1, setImmediate 2, nextTick powerful
process.nextTick(function() {
    console.log('nextTick 1');
});
process.nextTick(function() {
    console.log('nextTick 2');
});
setImmediate(function() {
    console.log('setImmediate 1');
    process.nextTick(function() {
        console.log('nextTick powerful');
    });
});
setImmediate(function() {
    console.log('setImmediate 2');
});
setTimeout(function() {
    console.log('timeout');
}, 0);
console.log('console');
