// Source: https://github.com/tlhunter/distributed-node/blob/master/event-loop-phases.js (book "Distributed Systems with Node.js", Thomas Hunter II, chapter 1)
// Repository: tlhunter/distributed-node, path event-loop-phases.js, commit 4cb4ccbce86c2ebb0d4a99e4892fd463392b38d0
// Claimed answer: none given by the source
const fs = require('fs');

setImmediate(() => console.log(1));
Promise.resolve().then(() => console.log(2));
process.nextTick(() => console.log(3));
fs.readFile(__filename, () => {
  console.log(4);
  setTimeout(() => console.log(5));
  setImmediate(() => console.log(6));
  process.nextTick(() => console.log(7));
});
console.log(8);
