function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("self", () => { const a = {}; a.self = a; return JSON.stringify(a); });
show("deep", () => { const a = { x: { y: { z: {} } } }; a.x.y.z.w = a; return JSON.stringify(a); });
show("elided middle", () => { const a = { x: { y: { z: { q: { r: {} } } } } }; a.x.y.z.q.r.w = a.x; return JSON.stringify(a); });
show("array", () => { const a = [1, [2]]; a[1].push(a); return JSON.stringify(a); });
show("class instance", () => { class Foo {} const f = new Foo(); f.list = [f]; return JSON.stringify(f); });
show("null prototype", () => { const o = Object.create(null); o.me = o; return JSON.stringify(o); });
show("numeric key", () => { const o = { 0: {} }; o[0].back = o; return JSON.stringify(o); });
show("error type", () => { const a = []; a[0] = a; try { JSON.stringify(a); } catch (e) { return e instanceof TypeError; } });
show("repeated not circular", () => { const shared = { v: 1 }; return JSON.stringify({ a: shared, b: shared, c: [shared, shared] }); });
