function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("2 spaces", () => JSON.stringify({ a: [1, { b: 2 }], c: "x" }, null, 2));
show("tab", () => JSON.stringify({ a: 1, b: [2] }, null, "\t"));
show("string gap", () => JSON.stringify([1, [2]], null, "--"));
show("clamped to 10", () => JSON.stringify([1], null, 20));
show("long string gap", () => JSON.stringify([1], null, "abcdefghijklmnop"));
show("zero and negative", () => JSON.stringify([1, 2], null, 0) + " " + JSON.stringify([1, 2], null, -3));
show("fraction", () => JSON.stringify([1], null, 2.9));
show("empty containers", () => JSON.stringify({ a: [], b: {} }, null, 2));
show("Number object", () => JSON.stringify([1], null, new Number(3)));
show("String object", () => JSON.stringify([1], null, new String("*")));
show("other types ignored", () => JSON.stringify([1], null, true) + JSON.stringify([1], null, {}));
show("nested arrays", () => JSON.stringify([[1, 2], [3, [4]]], null, 1));
show("skipped member leaves no comma", () => JSON.stringify({ a: 1, b: undefined, c: 2, d: () => 0 }, null, 2));
