// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@hecatxncheir/2-base-async2.js
// Repository: Hecatxncheir/review-tasks, path js/async/@hecatxncheir/2-base-async2.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "1, 6, 3, 5, 2, 4, 7" (comment at the end)
console.log(1);

setTimeout(() => console.log(2));

Promise.reject(3).catch(console.log);

new Promise(resolve => {
  setTimeout(resolve)
}).then(() => console.log(4));

Promise.resolve(5).then(console.log);

console.log(6);

setTimeout(() => console.log(7), 0);



// 1, 6, 3, 5, 2, 4, 7
