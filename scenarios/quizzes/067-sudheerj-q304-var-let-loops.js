// Source: https://github.com/sudheerj/javascript-interview-questions#readme (question 304 "What is the output of the following for loops"; the list indentation of the markdown is removed)
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f; author Sudheer Jonna
// Claimed answer: 4 4 4 4 and 0 1 2 3
for (var i = 0; i < 4; i++) {
  // global scope
  setTimeout(() => console.log(i));
}

for (let i = 0; i < 4; i++) {
  // block scope
  setTimeout(() => console.log(i));
}
