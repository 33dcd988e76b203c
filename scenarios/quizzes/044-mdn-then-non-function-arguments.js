// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/then (section "Having a non-function as either parameter")
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/then/index.md, commit 2d6c0392597ed1125d68f91e0b724381e429d764
// Claimed answer: 1 / 1
Promise.resolve(1).then(2).then(console.log); // prints 1
Promise.reject(1).then(2, 2).then(console.log, console.log); // prints 1
