// BigInt.prototype.toString(radix) (ECMA-262 21.2.3.3): digits 0-9a-z, a minus sign, radix 2..36;
// toLocaleString formats as Intl.NumberFormat's en-US default: digits grouped by three.
const big = 2n ** 100n + 12345n;
function show(label, f) {
  try { console.log(label + ": " + f()); }
  catch (e) { console.log(label + " threw " + e.constructor.name + ": " + e.message); }
}
for (const radix of [2, 3, 7, 8, 10, 16, 32, 36])
  show("radix " + radix, () => big.toString(radix) + " " + (-big).toString(radix) + " " + (255n).toString(radix));
show("zero", () => [0n.toString(), 0n.toString(2), (-0n).toString(16)].join());
show("undefined radix", () => (255n).toString(undefined));
show("radix as a string", () => (255n).toString("16"));
show("radix 2.9", () => (5n).toString(2.9));
show("radix 37", () => (1n).toString(37));
show("radix 1", () => (1n).toString(1));
show("radix 0", () => (1n).toString(0));
show("round trip through 0x", () => BigInt("0x" + big.toString(16)) === big);
show("round trip through 0b", () => BigInt("0b" + big.toString(2)) === big);
show("toLocaleString", () => [1234567n, -1234n, 0n, 123n, 1000n, 12345678901234567890n].map((x) => x.toLocaleString()).join(" "));
show("toLocaleString on a wrapper", () => Object(9999n).toLocaleString());
show("toLocaleString on a Number", () => BigInt.prototype.toLocaleString.call(1));
show("String of huge", () => String(10n ** 60n));
