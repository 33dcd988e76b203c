// Source: https://bigfrontend.dev/quiz/setTimeout-2 (BFE.dev quiz "settimeout-2", as mirrored with a "Source From" link)
// Repository: us-fe/us-fe.github.io, path docs/question/settimeout-2.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971
// Claimed answer: none given by the source (the mirror has the question only; the answer is behind the BFE.dev site, and BFEdev/BFE.dev-solutions has no solution for it)
// Cut: the code block under "## Snippet".
let num

for (let i = 0; i < 5; i++) {
  num = i
  setTimeout(() => {
    console.log(num)
  }, 100)
}
