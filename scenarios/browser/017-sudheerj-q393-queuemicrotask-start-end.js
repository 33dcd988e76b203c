// Source: https://github.com/sudheerj/javascript-interview-questions#readme (question 393 "What is the purpose of queueMicrotask"; the list indentation of the markdown is removed)
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: the comments in the code: "Start" //1, "End" //2, "Inside microtask" //3
console.log("Start"); //1

queueMicrotask(() => {
  console.log("Inside microtask"); // 3
});

console.log("End"); //2
