// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 65 "What is the output order of below code?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "4: 3, 2, 1"
// Also in: scenarios/quizzes/069 (Node corpus)
setTimeout(() => {
  console.log("1");
}, 0);
Promise.resolve("hello").then(() => console.log("2"));
console.log("3");
