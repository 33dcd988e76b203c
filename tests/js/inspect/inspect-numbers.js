// numbers: -0 as -0, the shortest round-trip form, exponents
console.log([0, -0, 1, -1, 0.1, -0.5, 1.5e-7, 1e21, 123456789012345680000, 2 ** 53, NaN, Infinity, -Infinity]);
console.log({ zero: 0, negZero: -0, big: 1e300, small: 5e-324, third: 1 / 3 });
console.log(-0);
console.log([-0]);
console.log(0.000001, 1e-7, 100, 1e100);
console.log([1.1, 2.2, 3.3]);
console.log({ n: Number.MAX_SAFE_INTEGER, m: Number.MIN_VALUE, e: Number.EPSILON });
