// Source: https://nodejs.org/en/learn/asynchronous-work/understanding-setimmediate (example of the order between setImmediate(), process.nextTick() and Promise.then())
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/understanding-setimmediate.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: start foo bar zoo baz
const baz = () => console.log('baz');
const foo = () => console.log('foo');
const zoo = () => console.log('zoo');

const start = () => {
  console.log('start');
  setImmediate(baz);
  new Promise((resolve, reject) => {
    resolve('bar');
  }).then(resolve => {
    console.log(resolve);
    process.nextTick(zoo);
  });
  process.nextTick(foo);
};

start();

// start foo bar zoo baz
