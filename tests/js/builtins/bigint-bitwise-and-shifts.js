// Bitwise operators act on the infinite two's complement of BigInts (ECMA-262 6.1.6.2.17-20);
// >> rounds toward negative infinity, a negative count shifts the other way, >>> is a TypeError.
const S = (x) => String(x) + "n";
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("~", () => [~0n, ~5n, ~-5n, ~(2n ** 70n)].map(S).join());
show("& with negatives", () => [12n & 10n, -12n & 10n, 12n & -10n, -12n & -10n].map(S).join());
show("| with negatives", () => [12n | 10n, -12n | 10n, 12n | -10n, -12n | -10n].map(S).join());
show("^ with negatives", () => [12n ^ 10n, -12n ^ 10n, 12n ^ -10n, -12n ^ -10n].map(S).join());
show("wide &", () => S((2n ** 100n - 1n) & -(2n ** 64n)));
show("wide |", () => S(-(2n ** 100n) | (2n ** 64n - 1n)));
show("wide ^", () => S((2n ** 96n + 12345n) ^ -(2n ** 32n)));
show("<<", () => [1n << 100n, -3n << 64n, 5n << 0n, 0n << 1000000n].map(S).join());
show(">> of positives", () => [1024n >> 3n, 1023n >> 3n, (2n ** 100n) >> 99n].map(S).join());
show(">> of negatives", () => [-1024n >> 3n, -1023n >> 3n, -1n >> 1n, -5n >> 1n, -(2n ** 100n) >> 99n, -(2n ** 100n) - 1n >> 99n].map(S).join());
show("shift by a huge count", () => [-5n >> 100000n, 5n >> 100000n, -5n >> (2n ** 80n)].map(S).join());
show("negative counts", () => [5n << -1n, -5n << -1n, 5n >> -2n].map(S).join());
show("1n << 1073741824n", () => 1n << 1073741824n);
show("1n >>> 0n", () => 1n >>> 0n);
show("1n >>> 0", () => 1n >>> 0);
show("1 << 1n", () => 1 << 1n);
show("asIntN", () => [BigInt.asIntN(8, 255n), BigInt.asIntN(8, 127n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, -129n),
  BigInt.asIntN(0, 5n), BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(64, 2n ** 64n + 5n), BigInt.asIntN(1, 1n), BigInt.asIntN(200, -1n)].map(S).join());
show("asUintN", () => [BigInt.asUintN(8, -1n), BigInt.asUintN(8, 256n), BigInt.asUintN(0, -1n), BigInt.asUintN(64, -(2n ** 63n)),
  BigInt.asUintN(70, -1n), BigInt.asUintN(32, 2n ** 40n + 7n), BigInt.asUintN(2 ** 40, 5n)].map(S).join());
show("asIntN bits from a string", () => S(BigInt.asIntN("4", 15n)));
show("asIntN(-1, 1n)", () => BigInt.asIntN(-1, 1n));
show("asUintN(2 ** 53, 1n)", () => BigInt.asUintN(2 ** 53, 1n));
show("asIntN(8, 1)", () => BigInt.asIntN(8, 1));
show("asUintN(2 ** 31, -1n)", () => BigInt.asUintN(2 ** 31, -1n));
show("bitwise assignment", () => { let x = 0xf0n; x &= 0x3cn; x |= 1n; x ^= 0xffn; x <<= 4n; x >>= 2n; return S(x); });
