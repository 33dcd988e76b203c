// Source: https://github.com/lydiahallie/javascript-questions#readme (question 133)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829
// Claimed answer: "C: `Last line 1! Promise 2! Last line 2! Promise 1! Timeout 1! Timeout 2!`"
// Also in: scenarios/quizzes/062 (Node corpus)
const myPromise = Promise.resolve(Promise.resolve('Promise'));

function funcOne() {
  setTimeout(() => console.log('Timeout 1!'), 0);
  myPromise.then(res => res).then(res => console.log(`${res} 1!`));
  console.log('Last line 1!');
}

async function funcTwo() {
  const res = await myPromise;
  console.log(`${res} 2!`)
  setTimeout(() => console.log('Timeout 2!'), 0);
  console.log('Last line 2!');
}

funcOne();
funcTwo();
