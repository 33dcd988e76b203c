function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
const m = new Map();
show("set returns map", () => m.set("a", 1) === m);
show("get", () => m.get("a") + " " + m.get("zz"));
show("has", () => m.has("a") + " " + m.has("b"));
show("size", () => m.set("b", 2).set("c", 3).size);
show("overwrite keeps size", () => m.set("a", 10).size + " " + m.get("a"));
show("delete", () => m.delete("b") + " " + m.delete("b") + " " + m.size);
show("entries", () => list(m));
show("clear", () => { m.clear(); return m.size + " " + m.has("a") + " " + list(m); });
show("undefined value", () => { const x = new Map([["k", undefined]]); return x.has("k") + " " + x.get("k"); });
show("chained", () => new Map().set(1, "a").set(2, "b").get(2));
