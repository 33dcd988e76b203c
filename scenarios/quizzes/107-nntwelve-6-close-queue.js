// Source: https://github.com/nntwelve/nodejs-event-loop/blob/main/example-6-close-queue.js
// Repository: nntwelve/nodejs-event-loop, path example-6-close-queue.js, commit a65a2908ed72eddbd803de641e40d5d8a1bc121b
// Claimed answer: none given by the source
const fs = require('fs');

const readableStream = fs.createReadStream(__filename);
readableStream.close();

readableStream.on('close', () => {
  console.log('readableStream close event callback');
});

setImmediate(() => console.log('Immediate: 1'));

setTimeout(() => console.log('Timeout: 1'), 0);

for (let index = 0; index < 10e7; index++) {}
