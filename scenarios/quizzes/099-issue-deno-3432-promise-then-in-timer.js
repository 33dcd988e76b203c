// Source: https://github.com/denoland/deno/issues/3432 ("Inconsistent behavior mixing promise and setTimeout", Nicify, 2019)
// Claimed answer: none in text (outputs of node, deno and a browser were screenshots)
const promise = new Promise(r => {
    let i = 100
    while (i--) { }
    r()
})

setTimeout(() => promise.then(() => console.log('no')))

setTimeout(() => console.log('de'))
