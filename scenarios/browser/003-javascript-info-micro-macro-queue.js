// Source: https://javascript.info/event-loop (task "What will be the output of this code?")
// Repository: javascript-tutorial/en.javascript.info, path 2-ui/99-ui-misc/03-event-loop/2-micro-macro-queue/task.md, commit ff804bc19351b72bc5df7766f4b9eb8249a3cb11
// Claimed answer: "1 7 3 5 2 6 4" (solution.md: "The console output is: 1 7 3 5 2 6 4.")
// Also in: scenarios/quizzes/054 (Node corpus)
console.log(1);

setTimeout(() => console.log(2));

Promise.resolve().then(() => console.log(3));

Promise.resolve().then(() => setTimeout(() => console.log(4)));

Promise.resolve().then(() => console.log(5));

setTimeout(() => console.log(6));

console.log(7);
