function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("object members", () => JSON.stringify({ a: undefined, b: function () {}, c: Symbol(), d: 0 }));
show("array elements", () => JSON.stringify([undefined, function () {}, Symbol(), 0]));
show("symbol keys", () => JSON.stringify({ [Symbol("k")]: 1, v: 2 }));
show("non-enumerable", () => JSON.stringify(Object.defineProperty({ a: 1 }, "b", { value: 2 })));
show("inherited", () => JSON.stringify(Object.create({ inh: 1 })));
show("getter runs", () => JSON.stringify({ get g() { return "got"; } }));
show("all skipped", () => JSON.stringify({ a: undefined }, null, 2));
