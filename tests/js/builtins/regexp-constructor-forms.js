function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("RegExp(re) same", () => { const r = /a/g; return RegExp(r) === r; });
show("new RegExp(re) copy", () => { const r = /a/g; const c = new RegExp(r); return (c !== r) + " " + c.flags; });
show("RegExp(re, flags)", () => { const r = /a/g; const c = RegExp(r, "i"); return (c !== r) + " " + c.flags + " " + c.source; });
show("new RegExp(re, '')", () => new RegExp(/a/gi, "").flags === "");
show("RegExp()", () => String(RegExp()));
show("undefined pattern", () => String(new RegExp(undefined)) + " " + String(new RegExp(undefined, "g")));
show("null pattern", () => String(new RegExp(null)));
show("number pattern", () => new RegExp(12).test("x12"));
show("object pattern", () => new RegExp({ toString() { return "a+"; } }).source);
show("lastIndex not copied", () => { const r = /a/g; r.lastIndex = 3; return new RegExp(r).lastIndex; });
show("prototype", () => Object.getPrototypeOf(/a/) === RegExp.prototype);
show("species", () => RegExp[Symbol.species] === RegExp);
show("constructor", () => /a/.constructor === RegExp);
