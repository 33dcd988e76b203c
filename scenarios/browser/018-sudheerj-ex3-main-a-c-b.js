// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 3 "What is the output of below code")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "4: A, C and B"
// Also in: https://github.com/sudheerj/javascript-interview-questions/blob/master/coding-exercise/eventloop-order.js (same program, reformatted; claims "A,C and B"); scenarios/quizzes/068 (Node corpus)
function main() {
  console.log("A");
  setTimeout(function print() {
    console.log("B");
  }, 0);
  console.log("C");
}
main();
