// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all (section "Asynchronicity or synchronicity of Promise.all", "if Promise.all rejects")
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/all/index.md, commit 635a4c992217d031a202b09e5f17e317701b23b0
// Claimed answer: Promise { <state>: "pending" } / the queue is now empty / Promise { <state>: "rejected", <reason>: 44 }
const mixedPromisesArray = [Promise.resolve(33), Promise.reject(44)];
const p = Promise.all(mixedPromisesArray);
console.log(p);
setTimeout(() => {
  console.log('the queue is now empty');
  console.log(p);
});

// logs
// Promise { <state>: "pending" }
// the queue is now empty
// Promise { <state>: "rejected", <reason>: 44 }
