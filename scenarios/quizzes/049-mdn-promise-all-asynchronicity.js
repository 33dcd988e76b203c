// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all (section "Asynchronicity or synchronicity of Promise.all", first example)
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/all/index.md, commit 635a4c992217d031a202b09e5f17e317701b23b0
// Claimed answer: Promise { <state>: "pending" } / the queue is now empty / Promise { <state>: "fulfilled", <value>: Array[2] }
// we are passing as argument an array of promises that are already resolved,
// to trigger Promise.all as soon as possible
const resolvedPromisesArray = [Promise.resolve(33), Promise.resolve(44)];

const p = Promise.all(resolvedPromisesArray);
// immediately logging the value of p
console.log(p);

// using setTimeout we can execute code after the queue is empty
setTimeout(() => {
  console.log('the queue is now empty');
  console.log(p);
});

// logs, in order:
// Promise { <state>: "pending" }
// the queue is now empty
// Promise { <state>: "fulfilled", <value>: Array[2] }
