function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("flags", () => /a/gimsuyd.flags);
show("flags canonical", () => new RegExp("a", "ygmi").flags);
show("getters", () => { const r = /a/gimsy; return [r.global, r.ignoreCase, r.multiline, r.dotAll, r.sticky, r.unicode, r.hasIndices].join(); });
show("prototype getters", () => [RegExp.prototype.global, RegExp.prototype.flags === "", RegExp.prototype.source].join());
show("getter on object", () => Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}));
show("flags generic", () => Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call({ global: 1, sticky: "x", multiline: 0 }));
show("flags on primitive", () => Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(1));
show("getter names", () => ["global", "flags", "source", "sticky"].map(n => Object.getOwnPropertyDescriptor(RegExp.prototype, n).get.name).join());
show("invalid flags", () => new RegExp("a", "gg"));
show("unknown flag", () => new RegExp("a", "x"));
show("prototype names", () => Object.getOwnPropertyNames(RegExp.prototype).join());
show("lengths", () => [RegExp.length, RegExp.prototype.exec.length, RegExp.prototype.test.length, RegExp.prototype.toString.length, RegExp.prototype.compile.length].join());
