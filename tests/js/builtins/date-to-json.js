function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("toJSON", () => new Date(0).toJSON());
show("invalid", () => new Date(NaN).toJSON());
show("in stringify", () => JSON.stringify({ at: new Date(86400000) }));
show("generic", () => Date.prototype.toJSON.call({ toISOString() { return "custom"; } }));
show("generic non-finite", () => Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "never"; } }));
show("no toISOString", () => Date.prototype.toJSON.call({}));
show("key argument ignored", () => new Date(0).toJSON("k"));
