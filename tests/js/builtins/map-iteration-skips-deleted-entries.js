function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("delete ahead", () => { const m = new Map([[1, 1], [2, 2], [3, 3]]); const seen = []; for (const [k] of m) { seen.push(k); m.delete(2); } return seen.join(); });
show("delete current", () => { const m = new Map([[1, 1], [2, 2], [3, 3]]); const seen = []; for (const [k] of m) { seen.push(k); m.delete(k); } return seen.join() + " size " + m.size; });
show("delete behind", () => { const s = new Set([1, 2, 3]); const seen = []; for (const v of s) { seen.push(v); s.delete(1); } return seen.join(); });
show("forEach delete", () => { const s = new Set(["a", "b", "c"]); const seen = []; s.forEach(v => { seen.push(v); s.delete("c"); }); return seen.join(); });
show("iterator object", () => { const m = new Map([["a", 1], ["b", 2], ["c", 3]]); const it = m.keys(); const first = it.next().value; m.delete("b"); return first + it.next().value + it.next().done; });
