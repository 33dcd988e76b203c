// Source: https://github.com/lydiahallie/javascript-questions#readme (question 2. What's the output?)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829; author Lydia Hallie
// Claimed answer: C: 3 3 3 and 0 1 2
for (var i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}

for (let i = 0; i < 3; i++) {
  setTimeout(() => console.log(i), 1);
}
