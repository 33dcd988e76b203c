// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Statements/async_function (description: "an unhandled promise rejection error will be thrown, even if a .catch handler has been configured")
// Repository: mdn/content, path files/en-us/web/javascript/reference/statements/async_function/index.md, commit 690c5d538878494d9ebce8e8b3f71cae8e52d289
// Claimed answer: an unhandled promise rejection error is thrown (p2 rejects at 500 ms, before it is awaited)
async function foo() {
  const p1 = new Promise((resolve) => setTimeout(() => resolve("1"), 1000));
  const p2 = new Promise((_, reject) => setTimeout(() => reject("2"), 500));
  const results = [await p1, await p2]; // Do not do this! Use Promise.all or Promise.allSettled instead.
}
foo().catch(() => {}); // Attempt to swallow all errors...
