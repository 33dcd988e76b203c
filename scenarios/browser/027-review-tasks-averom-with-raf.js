// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@averom/with-raf.js
// Repository: Hecatxncheir/review-tasks, path js/async/@averom/with-raf.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "1 3 4 5 7 6 2" (comment at the end)
console.log(1)

setTimeout(() => {
	console.log(2);
})

requestAnimationFrame(() => {
	console.log(6);
})

new Promise((res) => {
	console.log(3);
	res();
}).then(() => {
	console.log(5);
	queueMicrotask(() => {
		console.log(7)
	})
})

console.log(4)



// 1 3 4 5 7 6 2
