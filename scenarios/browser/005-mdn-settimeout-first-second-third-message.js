// Source: https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout (section "Working with asynchronous functions")
// Repository: mdn/content, path files/en-us/web/api/window/settimeout/index.md, commit 0c99356d4ec220aedfb0ee894bcd2973ab4292bb
// Claimed answer: "this is the third message", "this is the second message", "this is the first message" (the block's "// Output:" comments)
setTimeout(() => {
  console.log("this is the first message");
}, 5000);
setTimeout(() => {
  console.log("this is the second message");
}, 3000);
setTimeout(() => {
  console.log("this is the third message");
}, 1000);

// Output:

// this is the third message
// this is the second message
// this is the first message
