function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("concat", () => "a".concat("b", 1, null, undefined, true, [2, 3], {}));
show("concat none", () => "a".concat());
show("concat on number", () => String.prototype.concat.call(1, 2));
show("concat symbol", () => "a".concat(Symbol("s")));
show("concat toString", () => "a".concat({ toString() { return "T"; } }));
