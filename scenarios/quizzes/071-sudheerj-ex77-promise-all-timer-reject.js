// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 77 "What is the output of below code?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f; author Sudheer Jonna
// Claimed answer: 3: Uncaught (in promise)
const promiseOne = new Promise((resolve, reject) => setTimeout(resolve, 4000));
const promiseTwo = new Promise((resolve, reject) => setTimeout(reject, 4000));

Promise.all([promiseOne, promiseTwo]).then((data) => console.log(data));
