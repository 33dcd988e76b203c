function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("y at lastIndex", () => { const r = /a/y; r.lastIndex = 1; return m(r, "ba") + " " + r.lastIndex; });
show("y no scan", () => { const r = /a/y; return r.test("ba") + " " + r.lastIndex; });
show("y resets on fail", () => { const r = /a/y; r.lastIndex = 1; r.test("bb"); return r.lastIndex; });
show("y sequence", () => { const r = /\d/y; const out = []; let x; while ((x = r.exec("123a4"))) out.push(x[0]); return out.join(""); });
show("y with g replace", () => "aaba".replace(/a/gy, "x"));
show("y match", () => String("aab".match(/a/y)));
show("sticky getter", () => /a/y.sticky + " " + /a/g.sticky);
show("y split ignored", () => JSON.stringify("a,b".split(/,/y)));
show("y ^", () => { const r = /^b/y; r.lastIndex = 1; return r.test("ab"); });
show("ym ^", () => { const r = /^b/my; r.lastIndex = 2; return r.test("a\nb"); });
