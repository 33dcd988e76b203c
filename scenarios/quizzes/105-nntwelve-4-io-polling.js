// Source: https://github.com/nntwelve/nodejs-event-loop/blob/main/example-4-io-polling.js
// Repository: nntwelve/nodejs-event-loop, path example-4-io-polling.js, commit a65a2908ed72eddbd803de641e40d5d8a1bc121b
// Claimed answer: none given by the source
const fs = require('fs');

setTimeout(() => console.log('Timeout: 1'), 0);

fs.readFile(__filename, () => console.log('Readfile: 1'));

setImmediate(() => console.log('Immediate: 1'));
for (let index = 0; index < 20000000; index++) {}
