// Source: https://github.com/sudheerj/javascript-interview-questions#readme (question 388 "What is minimum timeout throttling"; the list indentation of the markdown is removed)
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "Script loaded", "My script is initialized"
// Cut: first code block of the answer; the second block, without setTimeout, is not stored.
function runMeFirst() {
  console.log("My script is initialized");
}
setTimeout(runMeFirst, 0);
console.log("Script loaded");
