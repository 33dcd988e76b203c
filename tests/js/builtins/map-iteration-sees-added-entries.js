function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("for-of adds", () => { const m = new Map([[1, 1]]); const seen = []; for (const [k] of m) { seen.push(k); if (k < 4) m.set(k + 1, 0); } return seen.join(); });
show("forEach adds", () => { const m = new Map([["a", 1]]); const seen = []; m.forEach((v, k) => { seen.push(k); if (k === "a") m.set("b", 2); }); return seen.join(); });
show("set for-of adds", () => { const s = new Set([1]); const seen = []; for (const v of s) { seen.push(v); if (v < 3) s.add(v + 1); } return seen.join(); });
show("existing key update not revisited", () => { const m = new Map([[1, "a"], [2, "b"]]); const seen = []; for (const [k, v] of m) { seen.push(k + v); m.set(1, "z"); } return seen.join(); });
show("re-added after delete is visited again", () => { const s = new Set([1, 2]); const seen = []; for (const v of s) { seen.push(v); if (v === 1) { s.delete(1); s.add(1); } if (seen.length > 5) break; } return seen.join(); });
