// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 60 "What is the output of below code?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "3: program finished, promise finished"
let quickPromise = Promise.resolve();

quickPromise.then(() => console.log("promise finished"));

console.log("program finished");
