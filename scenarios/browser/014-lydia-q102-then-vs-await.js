// Source: https://github.com/lydiahallie/javascript-questions#readme (question 102)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829
// Claimed answer: "D: `second`, `I have resolved!` and `I have resolved!`, `second`"
// Also in: scenarios/quizzes/059 (Node corpus)
const myPromise = () => Promise.resolve('I have resolved!');

function firstFunction() {
  myPromise().then(res => console.log(res));
  console.log('second');
}

async function secondFunction() {
  console.log(await myPromise());
  console.log('second');
}

firstFunction();
secondFunction();
