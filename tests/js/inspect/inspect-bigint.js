// BigInts: 1n; boxed [BigInt: 1n]; %d %i %s keep the n, %f parses
console.log(1n, -0n, 12345678901234567890n);
console.log([1n, 2n, 3n, 4n, 5n, 6n, 100000000000000000000n]);
console.log({ big: 2n ** 64n });
console.log(Object(5n));
console.log('%d %i %s %f', 7n, 8n, 9n, 10n);
console.log('%j', { n: 1 });
console.log(new Map([[1n, 2n]]));
const mixed = [1, 2n, 3, 4n, 5, 6n, 7];
console.log(mixed);
