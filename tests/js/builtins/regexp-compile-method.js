function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("compile", () => { const r = /a/g; r.lastIndex = 2; const x = r.compile("b+", "i"); return [x === r, r.source, r.flags, r.lastIndex, r.test("BB")].join(); });
show("compile regexp", () => String(/a/.compile(/b/g)));
show("compile regexp with flags", () => /a/.compile(/b/, "g"));
show("compile nothing", () => String(/a/.compile()));
show("compile bad", () => /a/.compile("("));
show("compile receiver", () => RegExp.prototype.compile.call({}, "a"));
