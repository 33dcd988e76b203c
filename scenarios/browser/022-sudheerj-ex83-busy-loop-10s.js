// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 83 "What is the time taken to execute below timeout callback?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "1: > 10 sec" (the callback runs only after the 10-second loop, so "Callback code" is logged after "End code")
// Note: The program busy-waits 10 seconds on the main thread.
console.log("Start code");

setTimeout(function () {
  console.log("Callback code");
}, 5000);

console.log("After callback");

let startTime = new Date().getTime();
let endTime = startTime;

while (endTime <= startTime + 10000) {
  endTime = new Date().getTime();
}

console.log("End code");
