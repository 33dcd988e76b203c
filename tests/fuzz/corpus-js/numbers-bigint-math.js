// numbers: conversions, toString radix, toFixed, BigInt arithmetic, Math, edge values
console.log(0.1 + 0.2, (0.1 + 0.2).toFixed(20), 1e21, 1e-7, -0, Object.is(-0, 0), 2 ** 53 + 1, 5e-324);
console.log((255).toString(16), (0.5).toString(2), parseInt('0x1f'), parseFloat('3.14abc'), Number(''), +[], +{}, Number('0b101'));
console.log((123.456).toPrecision(4), (1e21).toLocaleString === undefined, (1234.5678).toExponential(2), Number.MAX_SAFE_INTEGER);
const big = 2n ** 100n;
console.log(big, big % 97n, -7n / 2n, BigInt.asUintN(8, 257n), BigInt('0x10'), typeof 1n, 1n == 1, 2n > 1);
try { 1n + 1; } catch (e) { console.log(e.message); }
console.log(Math.max(), Math.min(NaN, 1), Math.round(-0.5), Math.sign(-3), Math.hypot(3, 4), Math.trunc(-4.7), Math.clz32(1));
console.log(1 / 0, -1 / 0, 0 / 0, 7 % -3, -7 % 3, 2 ** -1, ~~3.7, 1 << 31, -1 >>> 0, 0.1 * 3 === 0.3);
