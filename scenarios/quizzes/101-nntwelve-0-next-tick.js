// Source: https://github.com/nntwelve/nodejs-event-loop/blob/main/example-0-process-next-tick.js
// Repository: nntwelve/nodejs-event-loop, path example-0-process-next-tick.js, commit a65a2908ed72eddbd803de641e40d5d8a1bc121b
// Claimed answer: none given by the source
process.nextTick(() => {
  console.log('Next tick 1');
  process.nextTick(() => console.log('Next tick 1.1'));
});

setTimeout(() => console.log('Set timeout 1'));
