function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("i", () => /abc/i.test("AbC"));
show("class i", () => /[a-z]+/i.exec("HeLLo")[0]);
show("negated class i", () => /[^a]/i.test("A"));
show("latin1 i", () => /é/i.test("É") + " " + /[à-ÿ]/i.test("À"));
show("greek i", () => /σ/i.test("Σ"));
show("sharp s", () => /ß/i.test("ẞ") + " " + /ß/iu.test("ẞ"));
show("kelvin", () => /k/i.test("\u212a") + " " + /k/iu.test("\u212a"));
show("long s", () => /s/i.test("\u017f") + " " + /s/iu.test("\u017f"));
show("ignoreCase flag", () => /a/i.ignoreCase + " " + /a/.ignoreCase);
show("backref i", () => /(ab)\1/i.test("abAB"));
show("ranges i", () => /^[A-F]+$/i.test("abcdef") + " " + /^[0-9A-F]+$/i.test("ff09"));
