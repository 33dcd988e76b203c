// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/await (section "Control flow effects of await", with one await)
// Repository: mdn/content, path files/en-us/web/javascript/reference/operators/await/index.md, commit 25a90ff34ad613b799eec12a212966eb0033e6e6
// Claimed answer: First start, First middle, Second start, Second middle, First end, Second end
async function foo(name) {
  console.log(name, "start");
  await console.log(name, "middle");
  console.log(name, "end");
}

foo("First");
foo("Second");

// First start
// First middle
// Second start
// Second middle
// First end
// Second end
