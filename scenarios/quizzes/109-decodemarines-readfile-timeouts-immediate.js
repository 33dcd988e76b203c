// Source: https://github.com/decodemarines/NODE/blob/master/async/2-event-loop/example-2.js
// Repository: decodemarines/NODE, path async/2-event-loop/example-2.js, commit ef47162cb3eb3299af3e519f151e84f82f1dfe31
// Claimed answer: Sync code, immediate, first timeout, second timeout (from the comments)
const fs = require('fs');

// I/O
fs.readFile(__filename, () => {
    setTimeout(() => {
        console.log('first timeout'); // always second
    }, 0);

    setImmediate(() => {
        console.log('immediate'); // always first
    });

    console.log('Sync code');

    setTimeout(() => {
        console.log('second timeout'); // always third
    }, 0);
});
