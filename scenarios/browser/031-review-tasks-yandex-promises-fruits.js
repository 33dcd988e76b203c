// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/yandex/promises.js
// Repository: Hecatxncheir/review-tasks, path js/async/yandex/promises.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "apple, orange, lime, melon, pineapple, pear" (comment at the end)
console.log('apple');

setTimeout(() => console.log('pear'), 0);

Promise.resolve('melon').then(res => console.log(res));

new Promise((res) => {
    console.log('orange');
    res('pineapple');
}).then(res => console.log(res));

console.log('lime');

//==========================================================

// apple, orange, lime, melon, pineapple, pear
