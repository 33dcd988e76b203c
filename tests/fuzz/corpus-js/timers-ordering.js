// timers: 0/1/fractional delays, nesting, clearTimeout from another callback, unref, refresh, intervals
const t1 = setTimeout(() => console.log('t1 (cleared)'), 5);
setTimeout(() => { console.log('t0'); clearTimeout(t1); }, 0);
setTimeout(() => console.log('t1.5'), 1.5);
setTimeout((a, b) => console.log('args', a, b), 1, 'x', 'y');
let n = 0;
const iv = setInterval(() => { console.log('interval', ++n); if (n === 3) clearInterval(iv); }, 2);
setTimeout(() => setTimeout(() => console.log('nested'), 0), 0);
setTimeout(() => console.log('unref (maybe never)'), 50).unref();
const r = setTimeout(() => console.log('refreshed'), 3);
setTimeout(() => r.refresh(), 2);
setImmediate(() => console.log('immediate'));
console.log(typeof t1.ref, t1.hasRef(), typeof t1[Symbol.toPrimitive]);
