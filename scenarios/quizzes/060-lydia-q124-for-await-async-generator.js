// Source: https://github.com/lydiahallie/javascript-questions#readme (question 124. What's the output?)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829; author Lydia Hallie
// Claimed answer: C: 1 2 3
async function* range(start, end) {
  for (let i = start; i <= end; i++) {
    yield Promise.resolve(i);
  }
}

(async () => {
  const gen = range(1, 3);
  for await (const item of gen) {
    console.log(item);
  }
})();
