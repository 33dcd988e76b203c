// Rule: Node calls a timer's callback as a method of its Timeout and an immediate's as a method
// of its Immediate, so a `function` callback's `this` is the object setTimeout, setInterval or
// setImmediate returned (with arguments too), and `clearInterval(this)` stops its own interval;
// an arrow function's `this` is its scope's (here module.exports).
// Source: lib/internal/timers.js listOnTimeout (`timer._onTimeout()`, or
// ReflectApply(timer._onTimeout, timer, args)) and processImmediate (`immediate._onImmediate()`),
// v11+; lib/timers.js ontimeout and runCallback on v10.
const t = setTimeout(function () {
  console.log('timeout', this === t, this.constructor.name);
}, 40);
const i = setImmediate(function (a, b) {
  console.log('immediate', this === i, this.constructor.name, a, b);
}, 'x', 'y');
let n = 0;
const iv = setInterval(function (step) {
  n += step;
  console.log('interval', n, this === iv);
  if (n === 3) clearInterval(this);
}, 5, 1);
setTimeout(() => console.log('arrow', this === module.exports), 60);
