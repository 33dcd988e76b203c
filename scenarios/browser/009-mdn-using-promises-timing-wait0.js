// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Using_promises (section "Timing", "Guarantees")
// Repository: mdn/content, path files/en-us/web/javascript/guide/using_promises/index.md, commit e841dd066e10b97dcf69127fcda1266ddf8c526f
// Claimed answer: 1, 2, 3, 4
// Also in: scenarios/quizzes/042-mdn-using-promises-timing-wait0.js (Node corpus; same text, header copied from there)
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

wait(0).then(() => console.log(4));
Promise.resolve()
  .then(() => console.log(2))
  .then(() => console.log(3));
console.log(1); // 1, 2, 3, 4
