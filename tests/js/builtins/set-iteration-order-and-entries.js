function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("order", () => list(new Set(["b", "a", "c"])));
show("delete re-add", () => { const s = new Set([1, 2, 3]); s.delete(1); s.add(1); return list(s); });
show("entries pairs", () => list(new Set(["a"]).entries()));
show("spread", () => [...new Set([5, 4])].join());
show("iterator next", () => { const it = new Set(["only"]).values(); const a = it.next(); const b = it.next(); return a.value + a.done + b.value + b.done; });
show("iterator tag", () => Object.prototype.toString.call(new Set().values()) + " " + Object.prototype.toString.call(new Map().entries()));
show("iterator proto next shared", () => Object.getPrototypeOf(new Set().values()) === Object.getPrototypeOf(new Set().entries()));
