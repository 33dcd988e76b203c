function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("map forEach", () => { const out = []; new Map([["a", 1]]).forEach(function (v, k, map) { out.push(v, k, map instanceof Map, arguments.length); }); return out.join(); });
show("set forEach", () => { const out = []; const s = new Set(["x"]); s.forEach((v, k, set) => out.push(v, k, set === s)); return out.join(); });
show("thisArg", () => { const out = []; new Set([1]).forEach(function () { out.push(this.tag); }, { tag: "T" }); return out.join(); });
show("returns undefined", () => new Map().forEach(() => 1));
show("not callable", () => new Map().forEach(1));
show("not callable string", () => new Set().forEach("abc"));
show("not callable object", () => new Set().forEach({}));
show("not callable null", () => new Set().forEach(null));
show("missing callback", () => new Map().forEach());
show("error propagates", () => new Set([1]).forEach(() => { throw new Error("stop"); }));
