// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 78 "What is the output of below code?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f; author Sudheer Jonna
// Claimed answer: 3: try block, Uncaught Error: Exception is thrown
try {
  setTimeout(() => {
    console.log("try block");
    throw new Error(`An exception is thrown`);
  }, 1000);
} catch (err) {
  console.log("Error: ", err);
}
