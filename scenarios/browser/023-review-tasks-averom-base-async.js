// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@averom/base-async.js
// Repository: Hecatxncheir/review-tasks, path js/async/@averom/base-async.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "4 3 6 1 5 2" (comment at the end)
const a = setTimeout(() => console.log(2), 2000);
const d = setTimeout(() => console.log(6), 1000);

const c = new Promise( (resolve) => { 
   setTimeout(() => resolve(), 1000);
   console.log(4);
});

c.then(() => console.log(1));

const b = setTimeout(() => console.log(5), 1000);

console.log(3);



// 4 3 6 1 5 2
