function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("transform", () => JSON.stringify({ a: 1, b: "x", c: [2, 3] }, (k, v) => typeof v === "number" ? v * 10 : v));
show("drop", () => JSON.stringify({ a: 1, secret: 2, b: 3 }, (k, v) => k === "secret" ? undefined : v));
show("keys seen", () => { const keys = []; JSON.stringify({ a: { b: 1 }, c: [5] }, function (k, v) { keys.push(JSON.stringify(k)); return v; }); return keys.join(" "); });
show("this is holder", () => { const seen = []; JSON.stringify({ a: 1 }, function (k, v) { seen.push(typeof this + ":" + (k === "" ? Object.keys(this).join() : this.a)); return v; }); return seen.join(" "); });
show("root replaced", () => JSON.stringify({ a: 1 }, (k, v) => k === "" ? [1, 2] : v));
show("array index keys are strings", () => { const ks = []; JSON.stringify([10, 20], (k, v) => { ks.push(typeof k + k); return v; }); return ks.join(); });
show("returns undefined for root", () => String(JSON.stringify(1, () => undefined)));
show("replacer after toJSON", () => JSON.stringify({ d: { toJSON() { return "T"; } } }, (k, v) => v === "T" ? "replaced" : v));
