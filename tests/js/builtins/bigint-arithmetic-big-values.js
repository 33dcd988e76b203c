// BigInt arithmetic is exact at any size (ECMA-262 6.1.6.2): + - * / % ** on values far past
// 2^64, division truncating toward zero and the remainder taking the dividend's sign.
const S = (x) => String(x) + "n";
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("2n ** 200n", () => S(2n ** 200n));
show("3n ** 100n", () => S(3n ** 100n));
show("(-7n) ** 21n", () => S((-7n) ** 21n));
show("2n ** 0n, 0n ** 0n, 0n ** 5n", () => [2n ** 0n, 0n ** 0n, 0n ** 5n].map(S).join());
show("(-1n) ** 1000001n, 1n ** 99999999n", () => [(-1n) ** 1000001n, 1n ** 99999999n].map(S).join());
show("25 factorial", () => { let f = 1n; for (let i = 2n; i <= 25n; i++) f *= i; return S(f); });
show("100 factorial", () => { let f = 1n; for (let i = 2n; i <= 100n; i++) f *= i; return S(f); });
show("fibonacci 300", () => { let a = 0n, b = 1n; for (let i = 0; i < 300; i++) [a, b] = [b, a + b]; return S(a); });
const big = 123456789012345678901234567890n;
show("big * big", () => S(big * big));
show("big * big / big", () => S(big * big / big));
show("big * -big", () => S(big * -big));
show("big + 1 - big", () => S(big + 1n - big));
show("2n ** 128n - 1n", () => S(2n ** 128n - 1n));
show("2n ** 128n + 2n ** 64n", () => S(2n ** 128n + 2n ** 64n));
show("(2n ** 200n) / (2n ** 100n + 1n)", () => S((2n ** 200n) / (2n ** 100n + 1n)));
show("(2n ** 200n) % (2n ** 100n + 1n)", () => S((2n ** 200n) % (2n ** 100n + 1n)));
show("(10n ** 40n - 1n) / 99999999999n", () => S((10n ** 40n - 1n) / 99999999999n));
show("division signs 7, 3", () => [7n / 3n, -7n / 3n, 7n / -3n, -7n / -3n].map(S).join());
show("remainder signs 7, 3", () => [7n % 3n, -7n % 3n, 7n % -3n, -7n % -3n].map(S).join());
show("big division signs", () => [-big / 1000n, -big % 1000n, big / -1000n, big % -1000n].map(S).join());
show("smaller dividend", () => [3n / 7n, -3n / 7n, 3n % 7n, -3n % 7n].map(S).join());
show("1n / 0n", () => 1n / 0n);
show("0n % 0n", () => 0n % 0n);
show("2n ** -1n", () => 2n ** -1n);
show("2n ** 1073741824n", () => 2n ** 1073741824n);
show("unary minus", () => [-(5n), -(-5n), -0n].map(S).join());
show("++ and --", () => { let x = 9n; x++; ++x; x--; const y = x--; return [x, y].map(S).join(); });
show("compound assignment", () => { let x = 10n; x += 5n; x -= 1n; x *= 2n; x /= 3n; x %= 5n; x **= 3n; return S(x); });
show("mixing with a Number", () => 1n + 1);
show("mixing in *", () => 2 * 3n);
show("mixing with an object holding a Number", () => 1n - { valueOf() { return 1; } });
show("object holding a BigInt", () => S(1n - { valueOf() { return 10n; } }));
show("unary plus", () => +1n);
show("increment of a BigInt held by an object", () => { const o = { v: 1n }; o.v++; o.v += 2n; return S(o.v); });
