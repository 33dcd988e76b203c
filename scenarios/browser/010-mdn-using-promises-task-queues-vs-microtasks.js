// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Using_promises (section "Task queues vs. microtasks")
// Repository: mdn/content, path files/en-us/web/javascript/guide/using_promises/index.md, commit e841dd066e10b97dcf69127fcda1266ddf8c526f
// Claimed answer: Promise callback / Promise (pending) Promise {<pending>} / Promise callback (.then) / event-loop cycle: Promise (fulfilled) Promise {<fulfilled>}
// Also in: scenarios/quizzes/043-mdn-using-promises-task-queues-vs-microtasks.js (Node corpus; same text, header copied from there)
const promise = new Promise((resolve, reject) => {
  console.log("Promise callback");
  resolve();
}).then((result) => {
  console.log("Promise callback (.then)");
});

setTimeout(() => {
  console.log("event-loop cycle: Promise (fulfilled)", promise);
}, 0);

console.log("Promise (pending)", promise);
