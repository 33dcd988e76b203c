// Source: https://github.com/decodemarines/NODE/blob/master/async/2-event-loop/example-5.js
// Repository: decodemarines/NODE, path async/2-event-loop/example-5.js, commit ef47162cb3eb3299af3e519f151e84f82f1dfe31
// Claimed answer: none given by the source
const fs = require("fs");


// not original code

const cb = () => {
  console.log("callback");
};

const interval = setInterval(() => {
  console.log("interval as marker of next loop");
}, 0);

setTimeout(() => {
  process.nextTick(cb);
  console.log('1 timeout'); 
  process.nextTick(cb);
  setTimeout(() => {
    fs.open(__filename, "r", () => {
      console.log("IO"); 
    });
    process.nextTick(cb);
    console.log('2 timeout'); 
    process.nextTick(cb);
    clearInterval(interval);
  }, 0);
}, 0);

console.log("CL");



