// Source: https://github.com/lydiahallie/javascript-questions#readme (question 45)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829
// Claimed answer: "B: `"two"`"
// Also in: scenarios/quizzes/057 (Node corpus)
const firstPromise = new Promise((res, rej) => {
  setTimeout(res, 500, 'one');
});

const secondPromise = new Promise((res, rej) => {
  setTimeout(res, 100, 'two');
});

Promise.race([firstPromise, secondPromise]).then(res => console.log(res));
