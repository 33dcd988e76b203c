// Source: https://github.com/nodejs/help/issues/3411 ("process.nextTick callback executes before promise.then callback", CedricSch, Node 14.17.0 on Windows)
// Claimed answer: Resolved promise 1, Rejected promise 2, nextTick 1, nextTick 2, Resolved promise inside nextTick, setImmediate, nextTick 3, Resolved promise inside setImmediate, Rejected promise inside setImmediate
process.nextTick( () => console.log("nextTick 1") );
process.nextTick( () => { console.log("nextTick 2"); Promise.resolve("Resolved promise inside nextTick").then(console.log); })

Promise.resolve("Resolved promise 1").then(console.log);
Promise.reject("Rejected promise 2").catch(console.log);

setImmediate( () => {
    console.log("setImmediate");
    Promise.resolve("Resolved promise inside setImmediate").then(console.log);
    Promise.reject("Rejected promise inside setImmediate").catch(console.log);
    process.nextTick( () => console.log("nextTick 3") );
})
