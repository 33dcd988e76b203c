function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("toStringTag", () => Object.prototype.toString.call(JSON) + " " + JSON[Symbol.toStringTag]);
show("lengths", () => JSON.parse.length + " " + JSON.stringify.length);
show("names", () => JSON.parse.name + " " + JSON.stringify.name);
show("keys", () => Object.getOwnPropertyNames(JSON).join());
show("not callable", () => typeof JSON);
