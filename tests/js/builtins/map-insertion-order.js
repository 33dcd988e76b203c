function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("order", () => list(new Map([[3, "c"], [1, "a"], [2, "b"]]).keys()));
show("update keeps position", () => { const m = new Map([["x", 1], ["y", 2]]); m.set("x", 3); return list(m); });
show("delete and re-add moves to end", () => { const m = new Map([["x", 1], ["y", 2]]); m.delete("x"); m.set("x", 9); return list(m); });
show("many", () => { const m = new Map(); for (let i = 0; i < 100; i++) m.set(i % 2 ? "k" + i : i, i); for (let i = 0; i < 100; i += 3) m.delete(i % 2 ? "k" + i : i); return m.size + " " + [...m.values()].slice(0, 8).join(); });
show("values", () => list(new Map([["a", 1], ["b", 2]]).values()));
show("integer-like keys not sorted", () => list(new Map([["2", 0], ["1", 0], [10, 0]]).keys()));
