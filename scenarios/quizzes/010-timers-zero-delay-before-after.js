// Source: https://nodejs.org/en/learn/asynchronous-work/discover-javascript-timers (section "Zero delay")
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/discover-javascript-timers.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: " before " then "after "
setTimeout(() => {
  console.log('after ');
}, 0);

console.log(' before ');
