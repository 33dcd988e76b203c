// Source: https://bigfrontend.dev/quiz/1-promise-order (solution page)
// Repository: BFEdev/BFE.dev-solutions, path quiz/1-promise-order_en.md, commit 63cf0f4913dd86d58e9e45542c1365e27e079110
// Claimed answer: "1 2 3 4 7 5 6 9 8" ("Here is our final result.")
// Cut: the first code block of the solution (the quiz's code).
// Also in: us-fe/us-fe.github.io, path docs/question/promise-order.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971 (same code)
console.log(1)
const promise = new Promise((resolve) => {
  console.log(2)
  resolve()
  console.log(3)
})

console.log(4)

promise.then(() => {
  console.log(5)
}).then(() => {
  console.log(6)
})

console.log(7)

setTimeout(() => {
  console.log(8)
}, 10)

setTimeout(() => {
  console.log(9)
}, 0)
