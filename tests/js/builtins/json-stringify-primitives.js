function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("number", () => JSON.stringify(42) + " " + JSON.stringify(-1.5) + " " + JSON.stringify(1e21) + " " + JSON.stringify(5e-7));
show("negative zero", () => JSON.stringify(-0) + " " + JSON.stringify([-0]));
show("non-finite", () => JSON.stringify([NaN, Infinity, -Infinity]));
show("string", () => JSON.stringify("he said \"hi\""));
show("booleans null", () => JSON.stringify([true, false, null]));
show("undefined", () => JSON.stringify(undefined) + " " + typeof JSON.stringify(undefined));
show("function", () => JSON.stringify(function () {}) + " " + JSON.stringify(() => 1));
show("symbol", () => JSON.stringify(Symbol("s")));
show("wrappers", () => JSON.stringify([new Number(3), new String("s"), new Boolean(false), Object(true)]));
show("nested", () => JSON.stringify({ a: [1, { b: [null] }], c: "d" }));
show("empty", () => JSON.stringify({}) + JSON.stringify([]));
show("date", () => JSON.stringify(new Date(0)));
show("regexp map set error", () => JSON.stringify([/x/, new Map([[1, 2]]), new Set([1]), new Error("e")]));
show("sparse array", () => JSON.stringify([1, , 3]));
show("array-like object", () => JSON.stringify({ 0: "a", length: 1 }));
