// Source: https://github.com/lydiahallie/javascript-questions#readme (question 30)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829
// Claimed answer: "B: `First` `Third` `Second`"
// Also in: scenarios/quizzes/056 (Node corpus)
const foo = () => console.log('First');
const bar = () => setTimeout(() => console.log('Second'));
const baz = () => console.log('Third');

bar();
foo();
baz();
