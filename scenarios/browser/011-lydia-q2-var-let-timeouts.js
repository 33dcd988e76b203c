// Source: https://github.com/lydiahallie/javascript-questions#readme (question 2)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829
// Claimed answer: "C: `3 3 3` and `0 1 2`"
// Also in: scenarios/quizzes/055 (Node corpus)
for (var i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}

for (let i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}
