// Source: https://github.com/nodejs/help/issues/1789 ("About Promise & process.nextTick", xysDavid, Node 10.10.0)
// Claimed answer: 123564 (the asker expected 123456)
process.nextTick(() => console.log(1));
Promise.resolve().then(() => console.log(2));
Promise.resolve().then(() => {
    console.log(3);
    process.nextTick(() => console.log(4));
    Promise.resolve().then(() => console.log(5));
}).then(() => {
    console.log(6);
})
