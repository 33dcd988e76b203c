// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/then (section "Chaining", catch followed by then)
// Repository: mdn/content, path files/en-us/web/javascript/reference/global_objects/promise/then/index.md, commit 2d6c0392597ed1125d68f91e0b724381e429d764
// Claimed answer: onRejected function called: Oh no! (stderr) / I am always called even if the prior then's promise rejects
Promise.resolve()
  .then(() => {
    // Makes .then() return a rejected promise
    throw new Error("Oh no!");
  })
  .catch((error) => {
    console.error(`onRejected function called: ${error.message}`);
  })
  .then(() => {
    console.log("I am always called even if the prior then's promise rejects");
  });
