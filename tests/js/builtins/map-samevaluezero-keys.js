function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
const m = new Map();
show("NaN key", () => { m.set(NaN, "nan"); return m.get(NaN) + " " + m.has(0 / 0); });
show("zero keys", () => { m.set(-0, "zero"); return m.get(0) + " " + m.get(-0) + " " + m.size; });
show("negative zero normalized", () => Object.is([...m.keys()][1], 0));
show("string vs number", () => { m.set("1", "s"); m.set(1, "n"); return m.get("1") + m.get(1); });
show("objects by identity", () => { const k = {}; m.set(k, "obj"); return m.get(k) + " " + m.get({}); });
show("symbols", () => { const s = Symbol("s"); m.set(s, "sym"); return m.get(s) + " " + m.get(Symbol("s")); });
show("null undefined false", () => { m.set(null, 1).set(undefined, 2).set(false, 3); return [m.get(null), m.get(undefined), m.get(false), m.get(0)].join(); });
show("long strings", () => { const k = "x".repeat(100); m.set(k, "long"); return m.get("x".repeat(100)); });
show("set keys", () => { const s = new Set([NaN, NaN, 0, -0, "0"]); return s.size; });
