// Source: https://bigfrontend.dev/quiz/block-scope-1 (BFE.dev quiz "block-scope-1", as mirrored with a "Source From" link)
// Repository: us-fe/us-fe.github.io, path docs/question/block-scope-1.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971
// Claimed answer: none given by the source (the mirror has the question only; the answer is behind the BFE.dev site, and BFEdev/BFE.dev-solutions has no solution for it)
// Cut: the code block under "## Snippet".
for (var i = 0; i < 5; i++) {
  setTimeout(() => console.log(i), 0)
}

for (let i = 0; i < 5; i++) {
  setTimeout(() => console.log(i), 0)
}
