function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("last duplicate wins", () => JSON.stringify(JSON.parse('{"a":1,"b":2,"a":3}')));
show("__proto__ is own data", () => { const o = JSON.parse('{"__proto__":{"x":1}}'); return Object.keys(o).join() + " " + (Object.getPrototypeOf(o) === Object.prototype) + " " + o.x; });
show("integer keys sorted", () => Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4}')).join());
show("empty key", () => JSON.parse('{"":5}')[""]);
show("constructor key", () => JSON.parse('{"constructor":1}').constructor);
