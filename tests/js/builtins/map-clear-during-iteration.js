function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("clear then add", () => { const m = new Map([[1, 1], [2, 2]]); const it = m.keys(); const out = [it.next().value]; m.clear(); m.set(3, 3); out.push(it.next().value, it.next().done); return out.join(); });
show("clear in forEach", () => { const s = new Set([1, 2, 3]); const seen = []; s.forEach(v => { seen.push(v); s.clear(); }); return seen.join(); });
show("done iterator stays done", () => { const s = new Set([1]); const it = s.values(); it.next(); it.next(); s.add(2); return it.next().done; });
show("size after clear", () => { const m = new Map([[1, 1]]); m.clear(); return m.size + " " + m.get(1); });
