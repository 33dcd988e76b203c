// Source: https://github.com/lydiahallie/javascript-questions#readme (question 73. What's the output?)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829; author Lydia Hallie
// Claimed answer: C: Promise {<pending>}
async function getData() {
  return await Promise.resolve('I made it!');
}

const data = getData();
console.log(data);
