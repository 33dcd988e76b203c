// Source: https://github.com/sudheerj/javascript-interview-questions#readme (coding exercise 28 "What is the output of below code")
// Repository: sudheerj/javascript-interview-questions, path README.md, commit 997037d44b45d5320626ade1d765eb4341b4ad3f
// Claimed answer: "4: Process completed! and 1 2 3 5"
function delay() {
  return new Promise((resolve) => setTimeout(resolve, 2000));
}

async function delayedLog(item) {
  await delay();
  console.log(item);
}

async function process(array) {
  array.forEach(async (item) => {
    await delayedLog(item);
  });
  console.log("Process completed!");
}
process([1, 2, 3, 5]);
