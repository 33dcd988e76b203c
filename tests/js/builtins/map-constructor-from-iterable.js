function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("array of pairs", () => list(new Map([["a", 1], ["b", 2]])));
show("from map", () => { const a = new Map([[1, 2]]); const b = new Map(a); return (a !== b) + " " + list(b); });
show("from entries", () => new Map(Object.entries({ x: 1, y: 2 })).get("y"));
show("from generator", () => { function* g() { yield ["k", "v"]; } return new Map(g()).get("k"); });
show("extra pair items ignored", () => list(new Map([[1, 2, 3]])));
show("short pair", () => list(new Map([[1]])));
show("string entries", () => list(new Map(["ab", "cd"])));
show("set from string", () => list(new Set("hello")));
show("set from array", () => list(new Set([3, 1, 3, 2, 1])));
show("null and undefined", () => new Map(null).size + new Set(undefined).size + new Map().size);
show("uses set method", () => { class M extends Map { set(k, v) { return super.set(k, v * 2); } } return new M([["a", 1]]).get("a"); });
show("uses add method", () => { const log = []; class S extends Set { add(v) { log.push(v); return super.add(v); } } new S([1, 2]); return log.join(); });
