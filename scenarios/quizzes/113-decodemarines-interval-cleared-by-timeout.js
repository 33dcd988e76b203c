// Source: https://github.com/decodemarines/NODE/blob/master/async/4-timers/example-6.js
// Repository: decodemarines/NODE, path async/4-timers/example-6.js, commit ef47162cb3eb3299af3e519f151e84f82f1dfe31
// Claimed answer: none given by the source
const callback = str => {
    console.log(str);
};

const timerId = setInterval(callback, 800, 'Text');

setTimeout(() => {
    clearInterval(timerId);
}, 3000);
