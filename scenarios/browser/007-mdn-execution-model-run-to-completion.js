// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Execution_model (section "Run-to-completion")
// Repository: mdn/content, path files/en-us/web/javascript/reference/execution_model/index.md, commit 0c8e509d254e2d4894e098fc5334bf2176c0a52d
// Claimed answer: "1 and 2 will be logged in order"
const promise = Promise.resolve();
let i = 0;
promise.then(() => {
  i += 1;
  console.log(i);
});
promise.then(() => {
  i += 1;
  console.log(i);
});
