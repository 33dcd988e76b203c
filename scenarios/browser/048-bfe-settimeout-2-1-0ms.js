// Source: https://bigfrontend.dev/quiz/setTimeout-0ms (BFE.dev quiz "settimeout-0ms", as mirrored with a "Source From" link)
// Repository: us-fe/us-fe.github.io, path docs/question/settimeout-0ms.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971
// Claimed answer: none given by the source (the mirror has the question only; the answer is behind the BFE.dev site, and BFEdev/BFE.dev-solutions has no solution for it)
// Cut: the code block under "## Snippet".
// This snippet's result may vary on browsers

setTimeout(() => {
    console.log(2)
}, 2)

setTimeout(() => {
    console.log(1)
}, 1)

setTimeout(() => {
    console.log(0)
}, 0)
