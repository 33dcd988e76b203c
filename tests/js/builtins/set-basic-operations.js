function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
const s = new Set();
show("add returns set", () => s.add(1) === s);
show("duplicates", () => s.add(1).add(2).add(2).size);
show("has", () => s.has(2) + " " + s.has(3));
show("delete", () => s.delete(1) + " " + s.delete(1) + " " + s.size);
show("values", () => list(s.add("x").values()));
show("keys is values", () => (Set.prototype.keys === Set.prototype.values) + " " + (Set.prototype[Symbol.iterator] === Set.prototype.values));
show("entries", () => list(s.entries()));
show("clear", () => { s.clear(); return s.size; });
show("dedupe", () => [...new Set([1, "1", 1, [1], [1]])].length);
show("objects", () => { const o = {}; return new Set([o, o, {}]).size; });
