// BigInts compare with Numbers and numeric strings mathematically (ECMA-262 7.2.13 IsLessThan,
// 7.2.14 IsLooselyEqual); === and SameValueZero (Map, Set, includes) compare BigInts by value.
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("BigInt < BigInt", () => [1n < 2n, -2n < -1n, 2n ** 70n > 2n ** 69n, -(2n ** 70n) < 1n, 5n <= 5n, 5n >= 6n].join());
show("with Numbers", () => [1n < 1.5, 2n > 1.5, 1n <= 1, 1n < NaN, 1n >= NaN, 1n < Infinity, -1n > -Infinity, 0n > -0, -1n < -0.5].join());
show("past 2^53", () => [2n ** 64n > 2 ** 64, 2n ** 64n == 2 ** 64, 2n ** 64n + 1n > 2 ** 64, 2n ** 53n + 1n > 2 ** 53, 2n ** 53n + 1n == 2 ** 53 + 1].join());
show("with strings", () => [1n < "2", 2n > "1.5", "10" > 9n, 9n < "10", 1n < "x", 1n >= "x", 16n == "0x10", 16n < " 17 ", -1n < "-0"].join());
show("== with Numbers", () => [1n == 1, 1 == 1n, 1n == 1.5, 0n == -0, 1n == NaN, 2n ** 64n == 18446744073709551616].join());
show("== with strings", () => [1n == "1", "1" == 1n, 1n == "0x1", 1n == " 1 ", 1n == "1n", 1n == "x", 0n == ""].join());
show("== with booleans", () => [1n == true, 0n == false, 2n == true].join());
show("== with objects", () => [1n == Object(1n), 1n == { valueOf() { return 1n; } }, 1n == [1], Object(1n) == Object(1n)].join());
show("== with null and undefined", () => [0n == null, 0n == undefined].join());
show("===", () => [1n === 1n, 1n === 1, 0n === -0n, 2n ** 64n === 2n ** 64n, 1n === Object(1n)].join());
show("Object.is", () => [Object.is(0n, -0n), Object.is(5n, 5n), Object.is(5n, 5)].join());
show("includes and indexOf", () => [[1n, 2n].includes(2n), [1n].indexOf(1n), [0n].includes(-0n), [1].includes(1n)].join());
show("Map keys", () => { const m = new Map([[1n, "a"], [2n ** 80n, "b"]]); return [m.get(1n), m.get(2n ** 80n), m.has(BigInt(1)), m.has(1)].join(); });
show("Set", () => new Set([1n, 1n, BigInt("1"), 1, 2n ** 70n, 2n ** 70n]).size);
show("switch uses ===", () => { switch (2n) { case 2: return "number"; case 2n: return "bigint"; } });
show("sort with a comparator", () => [3n, -10n, 2n ** 65n, 0n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join());
show("default sort is by string", () => [3n, 10n, 2n].sort().join());
show("Math.max", () => Math.max(1n, 2n));
show("comparison calls valueOf", () => 1n < { valueOf() { return 2n; } });
