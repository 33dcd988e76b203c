// A Timeout coerces to its async id from 14.9.0 and 12.19.0 (refused: loopsim has no async ids);
// before, to '[object Object]'.
const t = setTimeout(() => {}, 1);
console.log(typeof t[Symbol.toPrimitive]);
console.log('' + t);
