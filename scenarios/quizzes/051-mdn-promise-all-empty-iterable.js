// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all (section "Asynchronicity or synchronicity of Promise.all", empty iterable)
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/all/index.md, commit 635a4c992217d031a202b09e5f17e317701b23b0
// Claimed answer: Promise { <state>: "fulfilled", <value>: Array[0] } / Promise { <state>: "pending" } / the queue is now empty / Promise { <state>: "fulfilled", <value>: Array[2] }
const p = Promise.all([]); // will be immediately resolved
const p2 = Promise.all([1337, "hi"]); // non-promise values will be ignored, but the evaluation will be done asynchronously
console.log(p);
console.log(p2)
setTimeout(() => {
  console.log('the queue is now empty');
  console.log(p2);
});

// logs
// Promise { <state>: "fulfilled", <value>: Array[0] }
// Promise { <state>: "pending" }
// the queue is now empty
// Promise { <state>: "fulfilled", <value>: Array[2] }
