// BigInt(value) (ECMA-262 21.2.1.1): an integral Number, a StringIntegerLiteral, a boolean or
// a BigInt; Number(bigint) rounds to nearest; ToNumber of a BigInt is a TypeError.
const S = (x) => typeof x === "bigint" ? String(x) + "n" : typeof x + " " + String(x);
function show(label, f) {
  try { console.log(label + ": " + S(f())); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
show("BigInt(42)", () => BigInt(42));
show("BigInt(-0)", () => BigInt(-0));
show("BigInt(1e21)", () => BigInt(1e21));
show("BigInt(2 ** 60)", () => BigInt(2 ** 60));
show("BigInt(Number.MAX_VALUE)", () => BigInt(Number.MAX_VALUE));
show("BigInt(1.5)", () => BigInt(1.5));
show("BigInt(NaN)", () => BigInt(NaN));
show("BigInt(-Infinity)", () => BigInt(-Infinity));
show("BigInt(1e-7)", () => BigInt(1e-7));
show("BigInt('0x10')", () => BigInt("0x10"));
show("BigInt(' 0b101 ')", () => BigInt(" 0b101 "));
show("BigInt('0O17')", () => BigInt("0O17"));
show("BigInt('  -12  ')", () => BigInt("  -12  "));
show("BigInt('+12')", () => BigInt("+12"));
show("BigInt('')", () => BigInt(""));
show("BigInt('\\n\\t')", () => BigInt("\n\t"));
show("BigInt('123456789012345678901234567890')", () => BigInt("123456789012345678901234567890"));
show("BigInt('-0x10')", () => BigInt("-0x10"));
show("BigInt('1.5')", () => BigInt("1.5"));
show("BigInt('1e3')", () => BigInt("1e3"));
show("BigInt('1n')", () => BigInt("1n"));
show("BigInt('1_000')", () => BigInt("1_000"));
show("BigInt('0x')", () => BigInt("0x"));
show("BigInt('abc')", () => BigInt("abc"));
show("BigInt('Infinity')", () => BigInt("Infinity"));
show("BigInt(true)", () => BigInt(true));
show("BigInt(false)", () => BigInt(false));
show("BigInt(undefined)", () => BigInt(undefined));
show("BigInt()", () => BigInt());
show("BigInt(null)", () => BigInt(null));
show("BigInt(Symbol('s'))", () => BigInt(Symbol("s")));
show("BigInt({})", () => BigInt({}));
show("BigInt([])", () => BigInt([]));
show("BigInt([7])", () => BigInt([7]));
show("BigInt({ valueOf })", () => BigInt({ valueOf() { return 7n; } }));
show("BigInt(Object(3n))", () => BigInt(Object(3n)));
show("new BigInt(1)", () => new BigInt(1));
show("Number(2n ** 64n)", () => Number(2n ** 64n));
show("Number(2n ** 53n + 1n)", () => Number(2n ** 53n + 1n));
show("Number(2n ** 53n + 3n)", () => Number(2n ** 53n + 3n));
show("Number(-(2n ** 1024n))", () => Number(-(2n ** 1024n)));
show("Number(2n ** 1024n - 2n ** 970n)", () => Number(2n ** 1024n - 2n ** 970n));
show("Number(2n ** 1024n - 2n ** 971n)", () => Number(2n ** 1024n - 2n ** 971n));
show("Number(123n)", () => Number(123n));
show("new Number(5n)", () => new Number(5n).valueOf());
show("parseInt(12n)", () => parseInt(12n));
show("parseFloat(12n)", () => parseFloat(12n));
show("String(-12n)", () => String(-12n));
show("template", () => `${10n}|${-3n}|${Object(4n)}`);
show("concatenation", () => "" + 1n + 2n);
show("join", () => [1n, 2n, 3n].join("+"));
show("isNaN(1n)", () => isNaN(1n));
show("Math.abs(1n)", () => Math.abs(1n));
show("Number.isInteger(1n)", () => Number.isInteger(1n));
show("+1n", () => +1n);
show("Symbol() + 1n", () => Symbol() + 1n);
show("1n + undefined", () => 1n + undefined);
show("ToPropertyKey", () => { const o = {}; o[12n] = 1; o[-1n] = 2; return Object.keys(o).join(); });
show("array index", () => ["a", "b", "c"][1n]);
show("Array(3n)", () => Array(3n).length);
