function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
const wm = new WeakMap();
const k = {};
show("set get", () => wm.set(k, "v").get(k));
show("has delete", () => wm.has(k) + " " + wm.delete(k) + " " + wm.has(k) + " " + wm.delete(k));
show("primitive key", () => wm.set(1, 2));
show("string key", () => wm.set("s", 2));
show("registered symbol", () => wm.set(Symbol.for("reg"), 1));
show("unique symbol ok", () => { const s = Symbol("u"); return wm.set(s, 5).get(s); });
show("get with primitive", () => wm.get(1) + " " + wm.has("x") + " " + wm.delete(null));
const ws = new WeakSet();
show("weakset", () => { const o = {}; ws.add(o); return ws.has(o) + " " + ws.has({}); });
show("weakset primitive", () => ws.add(true));
show("weakset delete", () => { const o = []; ws.add(o); return ws.delete(o) + " " + ws.has(o); });
show("no size", () => wm.size + " " + ws.size + " " + typeof wm.forEach + " " + typeof ws.clear);
show("tags", () => Object.prototype.toString.call(wm) + Object.prototype.toString.call(ws));
show("from iterable", () => { const a = {}, b = {}; const w = new WeakMap([[a, 1], [b, 2]]); return w.get(a) + w.get(b); });
