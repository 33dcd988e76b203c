// Source: https://bigfrontend.dev/quiz/promise-order-II (BFE.dev quiz "promise-order-ii", as mirrored with a "Source From" link)
// Repository: us-fe/us-fe.github.io, path docs/question/promise-order-ii.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971
// Claimed answer: none given by the source (the mirror has the question only; the answer is behind the BFE.dev site, and BFEdev/BFE.dev-solutions has no solution for it)
// Cut: the code block under "## Snippet".
console.log(1)

setTimeout(() => {
  console.log(2)
}, 10)

setTimeout(() => {
  console.log(3)
}, 0);

new Promise((_, reject) => {
  console.log(4)
  reject(5)
  console.log(6)
}).then(() => console.log(7))
.catch(() => console.log(8))
.then(() => console.log(9))
.catch(() => console.log(10))
.then(() => console.log(11))
.then(console.log)
.finally(() => console.log(12))

console.log(13)
