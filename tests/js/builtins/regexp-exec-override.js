function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("replace uses exec", () => { const r = /a/; r.exec = function (s) { return { 0: "zz", index: 1, length: 1 }; }; return "abcd".replace(r, "X"); });
show("test uses exec", () => { const r = /a/; let n = 0; r.exec = function () { n++; return null; }; return r.test("a") + " " + n; });
show("exec returns primitive", () => { const r = /a/; r.exec = () => 1; return r.test("a"); });
show("match global uses exec", () => { const r = /./g; let calls = 0; const orig = RegExp.prototype.exec; r.exec = function (s) { calls++; return orig.call(this, s); }; return "abc".match(r).join("") + calls; });
show("search restores lastIndex", () => { const r = /b/g; r.lastIndex = 7; const i = "abc".search(r); return i + " " + r.lastIndex; });
