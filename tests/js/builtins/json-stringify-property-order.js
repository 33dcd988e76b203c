function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("integer keys first", () => JSON.stringify({ b: 1, 2: 2, a: 3, 1: 4 }));
show("insertion order", () => { const o = {}; o.z = 1; o.y = 2; o.x = 3; delete o.y; o.y = 4; return JSON.stringify(o); });
show("class fields", () => { class P { constructor() { this.second = 2; this.first = 1; } } return JSON.stringify(new P()); });
show("array extra props ignored", () => { const a = [1, 2]; a.extra = 3; return JSON.stringify(a); });
show("assign order", () => JSON.stringify(Object.assign({}, { b: 1 }, { a: 2, b: 3 })));
