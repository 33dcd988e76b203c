// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 74 "What is the output of below code?")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f; author Sudheer Jonna
// Claimed answer: 3: Hello, Good morning
function greeting() {
  setTimeout(function () {
    console.log(message);
  }, 5000);
  const message = "Hello, Good morning";
}
greeting();
