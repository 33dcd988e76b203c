// Source: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Event_loop (section "Zero delays")
// Repository: mdn/content, path files/en-us/web/javascript/event_loop/index.md, commit 03309c01919630571f471596e607ae17e9ad15f9
// Claimed answer: "this is the start", "this is just a message", "this is the end", "Callback 1: this is a msg from call back", "Callback 2: this is a msg from call back" (comments at the end of the block)
(() => {
  console.log("this is the start");

  setTimeout(() => {
    console.log("Callback 1: this is a msg from call back");
  }); // has a default time value of 0

  console.log("this is just a message");

  setTimeout(() => {
    console.log("Callback 2: this is a msg from call back");
  }, 0);

  console.log("this is the end");
})();

// "this is the start"
// "this is just a message"
// "this is the end"
// "Callback 1: this is a msg from call back"
// "Callback 2: this is a msg from call back"
