// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@averom/then-catch-finally.js
// Repository: Hecatxncheir/review-tasks, path js/async/@averom/then-catch-finally.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "1 5 2 error4 2 error6" (comment at the end)
function test() {
	return new Promise((res) => {
		console.log('5');
		setTimeout(() => res(6), 1000);
	})
}

console.log('1')

test()
    .then(v => {throw new Error(v);})
    .then(v => {throw new Error(v * 2)})
    .finally(() => console.log('2'))
    .catch((v) => console.log(v));

Promise.resolve('3')
    .finally(() => {throw new Error('4')})
    .then((v) => console.log(v))
    .catch((v) => console.log(v));

console.log('2');



// 1 5 2 error4 2 error6
