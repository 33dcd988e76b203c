// Source: https://bigfrontend.dev/quiz/message-channel (BFE.dev quiz "message-channel", as mirrored with a "Source From" link)
// Repository: us-fe/us-fe.github.io, path docs/question/message-channel.md, commit 8b02ac19097b1af4cbd05d4013b35c80a5f68971
// Claimed answer: none given by the source (the mirror has the question only; the answer is behind the BFE.dev site, and BFEdev/BFE.dev-solutions has no solution for it)
// Cut: the code block under "## Snippet".
console.log(1)

const mc = new MessageChannel()

mc.port1.onmessage = () => {
  console.log(2)
}

Promise.resolve().then(() => {
  console.log(3)
})

setTimeout(() => {
  console.log(4)
}, 0)

console.log(5)

mc.port2.postMessage('')

console.log(6)
