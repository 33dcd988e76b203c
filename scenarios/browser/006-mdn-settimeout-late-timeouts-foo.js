// Source: https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout (section "Reasons for delays longer than specified", "Late timeouts")
// Repository: mdn/content, path files/en-us/web/api/window/settimeout/index.md, commit 0c99356d4ec220aedfb0ee894bcd2973ab4292bb
// Claimed answer: "After setTimeout", "foo has been called" ("Will write to the console:")
function foo() {
  console.log("foo has been called");
}
setTimeout(foo, 0);
console.log("After setTimeout");
