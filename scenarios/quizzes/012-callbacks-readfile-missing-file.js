// Source: https://nodejs.org/en/learn/asynchronous-work/javascript-asynchronous-programming-and-callbacks (fs.readFile('/file.json', ...) (cjs tab))
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/javascript-asynchronous-programming-and-callbacks.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: none given by the source
const fs = require('node:fs');

fs.readFile('/file.json', (err, data) => {
  if (err) {
    // handle error
    console.log(err);
    return;
  }

  // no errors, process data
  console.log(data);
});
